/**
 * The dev chain's runtime metadata (V14 and V15), built with the chain client's metadata model and
 * encoded with its {@link ai.kinitro.common.chain.metadata.MetadataWriter}: the pallets, storage
 * items, calls, events, errors and signed extensions the dev chain actually has, laid out with
 * subtensor's indices and types so the same client works against a node and the dev chain.
 */
package ai.kinitro.devchain.metadata;
