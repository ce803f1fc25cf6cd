/**
 * The miner wizard: choose the agent folder, validate it, optionally evaluate it locally, load the
 * hotkey, package, upload, commit on chain and follow the evaluation. The work is done by the same
 * services as the {@code kinitro-miner} command line ({@link ai.kinitro.desktop.wizard.MinerToolkit}
 * adapts them to the {@link ai.kinitro.desktop.wizard.MinerServices} port).
 */
package ai.kinitro.desktop.wizard;
