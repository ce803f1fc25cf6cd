/**
 * Kinitro's ONNX runner: serves an {@code onnx} submission's policy model over the agent protocol.
 * {@link ai.kinitro.rollout.onnx.cli.OnnxAgentMain} is the process the runtimes start (inside the same
 * sandbox as any agent); {@link ai.kinitro.rollout.onnx.OnnxPolicy} loads and checks the model with
 * onnxruntime; {@link ai.kinitro.rollout.onnx.OnnxAgent} turns observations into actions; {@link
 * ai.kinitro.rollout.onnx.OnnxRunner} says how to start the runner (Java, class path, read-only
 * paths); {@link ai.kinitro.rollout.onnx.OnnxModelWriter} encodes small models (linear policies) by
 * hand, for the miner template and the tests.
 */
package ai.kinitro.rollout.onnx;
