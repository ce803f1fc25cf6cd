/**
 * The dev chain's view of submitted extrinsics: decoding the v4 envelope (signer, signature, era,
 * nonce, tip, metadata-hash mode, call) and checking the sr25519 signature over the signing
 * payload rebuilt from the chain's own spec/transaction versions, genesis hash and birth block.
 */
package ai.kinitro.devchain.extrinsic;
