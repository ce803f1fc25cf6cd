/**
 * Submissions before they run: the {@code kinitro-agent.json} manifest ({@link
 * ai.kinitro.rollout.submission.SubmissionManifest}) and the archive checks and safe extraction
 * ({@link ai.kinitro.rollout.submission.SubmissionArchive}): SHA-256, size and entry limits, no
 * absolute paths, no {@code ..}, no links escaping the root, no special files. Every rejection has
 * its own error code.
 */
package ai.kinitro.rollout.submission;
