/**
 * Bittensor (btwallet) wallet files: where they live ({@link ai.kinitro.common.wallet.WalletLocator}),
 * their formats (plain JSON, {@code $NACL} encryption, refused legacy Fernet and ansible-vault),
 * reading them with a password asked only when needed ({@link ai.kinitro.common.wallet.Wallets})
 * and writing dev wallets ({@link ai.kinitro.common.wallet.KeyfileWriter}). The result is a
 * {@link ai.kinitro.common.wallet.KeySource}; turning it into an sr25519 key pair belongs to
 * {@code ai.kinitro.common.crypto}.
 */
package ai.kinitro.common.wallet;
