/**
 * The dev chain's runtime: its state (one subnet with neurons, weights, commitments and nonces),
 * the calls it accepts with subtensor's rules and error names, its events, epochs, runtime APIs
 * and the SCALE storage layout the state is exposed under. Everything here is single-threaded:
 * the node calls it while holding its lock.
 */
package ai.kinitro.devchain.runtime;
