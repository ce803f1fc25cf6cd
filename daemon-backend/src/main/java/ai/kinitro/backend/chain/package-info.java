/**
 * The chain side of the backend: the {@link ai.kinitro.backend.chain.SubnetChain} port (metagraph
 * and commitments of the netuid), subnet membership checks, and the chain monitor that turns
 * matching commitments into submissions with their jobs, seeded task sets and validator
 * assignments.
 */
package ai.kinitro.backend.chain;
