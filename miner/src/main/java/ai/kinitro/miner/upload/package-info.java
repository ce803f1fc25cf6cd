/**
 * {@code upload}: a signed upload request, then the archive PUT to the presigned URL with progress,
 * retries of the idempotent PUT, and a new URL when the old one expired during a slow upload.
 */
package ai.kinitro.miner.upload;
