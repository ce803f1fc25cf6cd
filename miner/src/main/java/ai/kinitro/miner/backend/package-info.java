/**
 * The miner's view of the backend's REST API: competitions, the signed upload request, submissions
 * and jobs. Client-side records mirror the backend's JSON (snake_case); the backend's refusals
 * become error codes a miner can act on.
 */
package ai.kinitro.miner.backend;
