/**
 * SCALE, the Substrate wire codec: {@link ai.kinitro.common.scale.ScaleWriter} writes primitives,
 * compact integers, vectors, options and enum tags; {@link ai.kinitro.common.scale.ScaleReader}
 * reads them back and turns every malformed or truncated input into a {@code KinitroException}.
 * Knows nothing about chain types; those live in {@code ai.kinitro.common.chain}.
 */
package ai.kinitro.common.scale;
