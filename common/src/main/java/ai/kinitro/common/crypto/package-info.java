/**
 * Hashing, sr25519 (schnorrkel), Merlin/STROBE, substrate-bip39, key derivation and SS58
 * addresses.
 */
package ai.kinitro.common.crypto;
