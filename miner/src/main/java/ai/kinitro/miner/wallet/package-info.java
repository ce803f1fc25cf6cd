/**
 * The miner's hotkey: from bittensor wallet files (plain or encrypted, the password from a prompt
 * or an environment variable) or from a development secret URI. Secrets are never printed.
 */
package ai.kinitro.miner.wallet;
