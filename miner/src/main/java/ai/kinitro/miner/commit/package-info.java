/**
 * {@code commit}: the submission's commitment written on chain with {@code
 * Commitments.set_commitment}, signed by the hotkey that uploaded it.
 */
package ai.kinitro.miner.commit;
