/**
 * The {@code kinitro-miner} command line (also {@code ./kinitro miner ...}): thin picocli commands
 * over the miner's services, human output or {@code --json}, progress on standard error.
 */
package ai.kinitro.miner.cli;
