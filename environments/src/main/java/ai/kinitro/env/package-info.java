/**
 * The environment SPI: tensors, spaces, {@link ai.kinitro.env.Environment}, versioned ids and the
 * {@link ai.kinitro.env.EnvironmentRegistry}. Plain Java; suites live in sub-packages
 * ({@code classic}, {@code manipulation}).
 */
package ai.kinitro.env;
