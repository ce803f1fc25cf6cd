/**
 * The desktop app (JavaFX miner wizard, admin console, spectator dashboard) and the kinitro-miner
 * command line. Filled by the miner-tooling and desktop issues.
 */
package ai.kinitro.desktop;
