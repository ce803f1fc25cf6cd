/**
 * The ONNX runner's entry point ({@link ai.kinitro.rollout.onnx.cli.OnnxAgentMain}), the process a
 * runtime starts for an {@code onnx} submission.
 */
package ai.kinitro.rollout.onnx.cli;
