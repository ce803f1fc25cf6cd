/**
 * Hotkey-signed HTTP requests: the versioned, domain-separated message ({@link
 * ai.kinitro.common.signing.SignedRequest}), its headers, signing ({@link
 * ai.kinitro.common.signing.RequestSigner}) and verification with a replay window and single-use
 * nonces ({@link ai.kinitro.common.signing.RequestVerifier}, {@link
 * ai.kinitro.common.signing.NonceStore}). The signature algorithm enters through the {@code
 * Signer} and {@link ai.kinitro.common.signing.SignatureVerifier} ports.
 */
package ai.kinitro.common.signing;
