/**
 * Substrate runtime metadata (V14 and V15): the portable type registry, pallets with their
 * storage entries, calls, events, errors and constants, the extrinsic format with its signed
 * extensions, and (V15) runtime APIs. {@link ai.kinitro.common.chain.metadata.MetadataReader}
 * parses a {@code state_getMetadata} blob into a {@link
 * ai.kinitro.common.chain.metadata.RuntimeMetadata}, {@link
 * ai.kinitro.common.chain.metadata.MetadataWriter} writes one back (so a dev chain can serve it),
 * and {@link ai.kinitro.common.chain.metadata.ValueDecoder} decodes any registry type into a
 * {@link ai.kinitro.common.chain.metadata.Value} (used for {@code System.Events}).
 */
package ai.kinitro.common.chain.metadata;
