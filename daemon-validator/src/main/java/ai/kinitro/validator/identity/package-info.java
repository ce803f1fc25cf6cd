/** The validator's hotkey: loaded once at start from a Bittensor wallet or a development secret URI. */
package ai.kinitro.validator.identity;
