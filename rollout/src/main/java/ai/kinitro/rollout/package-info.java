/**
 * The rollout engine: runs a benchmark's episodes against an agent (N episodes in lock-step per
 * {@code ActBatch}), deterministic from the caller's seeds whatever the batch size, and computes
 * the per-task and overall metrics. Also the agent clients ({@link
 * ai.kinitro.rollout.GrpcAgentClient} over gRPC, {@link ai.kinitro.rollout.InProcessAgentClient}
 * for a Java agent in the same JVM) and the listener interface through which episode logs and live
 * progress leave the engine. Plain Java: used by the evaluator daemon and the desktop app.
 */
package ai.kinitro.rollout;
