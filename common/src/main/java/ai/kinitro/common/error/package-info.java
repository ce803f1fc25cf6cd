/**
 * Stable error codes ({@link ai.kinitro.common.error.ErrorCode}) and the single exception type
 * that carries them. Every protocol edge (HTTP ProblemDetail, WebSocket error message, gRPC
 * status, CLI exit) maps codes in one place.
 */
package ai.kinitro.common.error;
