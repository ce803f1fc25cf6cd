/**
 * Miner uploads: {@code POST /submissions/request-upload} (a hotkey-signed request with a
 * single-use nonce, subnet membership, size and rate limits) answered with a presigned PUT that
 * binds the archive's SHA-256 and size; {@code POST /submissions/uploads/{id}/renew} (signed under
 * its own domain by the same hotkey) presigns a fresh PUT for a still-pending upload without a new
 * version or rate slot; and the reaper that expires uploads never committed.
 */
package ai.kinitro.backend.upload;
