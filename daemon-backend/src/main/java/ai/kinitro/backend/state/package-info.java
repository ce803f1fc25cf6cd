/** The backend's singleton state row (last scanned block, last chain scan). */
package ai.kinitro.backend.state;
