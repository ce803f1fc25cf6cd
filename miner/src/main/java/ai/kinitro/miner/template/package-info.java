/** {@code init}: new agent projects from templates (Java SDK, Python gRPC, ONNX policy). */
package ai.kinitro.miner.template;
