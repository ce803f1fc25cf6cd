/**
 * Pure, offline chain formats for Bittensor's subtensor: storage keys, the Commitments pallet's
 * value types, call encodings, the commit-reveal v2 hash, mortal eras and signed v4 extrinsics.
 * Nothing here talks to a node; the RPC client builds on these types. SS58 addresses live
 * elsewhere; here an account is just its 32-byte {@link ai.kinitro.common.chain.AccountId}.
 */
package ai.kinitro.common.chain;
