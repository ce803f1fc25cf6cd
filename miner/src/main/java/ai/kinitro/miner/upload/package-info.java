/**
 * {@code upload}: a signed upload request, then the archive PUT to the presigned URL with progress,
 * retries of the idempotent PUT, and a renewed URL for the same upload when the old one expired
 * during a slow upload (a new upload only when the pending one itself expired).
 */
package ai.kinitro.miner.upload;
