/**
 * The miner's settings: {@code miner.toml}, flags that override it, and the resolved {@link
 * ai.kinitro.miner.config.MinerConfig} every command and the desktop wizard use.
 */
package ai.kinitro.miner.config;
