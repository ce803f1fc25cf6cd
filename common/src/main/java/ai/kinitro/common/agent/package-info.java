/**
 * The Java agent SDK and the agent protocol's Java side: the {@link ai.kinitro.common.agent.Agent}
 * interface a miner implements, {@link ai.kinitro.common.agent.AgentServer} which serves it over
 * gRPC, the domain records an agent sees ({@link ai.kinitro.common.agent.AgentTensor}, {@link
 * ai.kinitro.common.agent.TaskInfo}, {@link ai.kinitro.common.agent.Step}), their conversions to
 * and from the generated protobuf messages ({@code ai.kinitro.common.agent.v1}, generated from
 * {@code kinitro/agent/v1/agent.proto}), and the one mapping between our error codes and gRPC
 * statuses. Plain Java plus grpc-java; no framework.
 */
package ai.kinitro.common.agent;
