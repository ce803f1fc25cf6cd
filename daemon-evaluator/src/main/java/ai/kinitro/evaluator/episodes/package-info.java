/**
 * Episode logging: {@link ai.kinitro.evaluator.episodes.EpisodeLogger} implements the rollout
 * engine's listener and sends every episode summary and the steps sampled every {@code
 * step-log-interval} steps through the outbox ({@code episode_data}, batched {@code
 * episode_step_data}); sampled camera frames are PNG-encoded and stored in the validator's bucket
 * ({@link ai.kinitro.evaluator.episodes.S3EvaluationStore}, which also stores the jobs' log
 * bundles) and referenced from the step by bucket, key and, when configured, a URL spectators can load
 * ({@link ai.kinitro.evaluator.episodes.ObjectUrls}: a public base or a presigned GET). Logging never changes a score: a failed upload or append is logged, counted and skipped.
 */
package ai.kinitro.evaluator.episodes;
