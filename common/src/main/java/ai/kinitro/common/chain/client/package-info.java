/**
 * The subtensor chain client: {@link ai.kinitro.common.chain.client.ChainClient} (snapshot reads
 * of commitments, metagraph and subnet parameters at one block; signed {@code set_commitment},
 * {@code set_weights} and commit-reveal v2 transactions; new-head subscription) and its JSON-RPC
 * implementation {@link ai.kinitro.common.chain.client.SubstrateChainClient}, which reads call
 * indices, storage layouts, defaults, error names and the signed-extension list from the node's
 * metadata instead of hard-coding them.
 */
package ai.kinitro.common.chain.client;
