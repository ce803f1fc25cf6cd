/**
 * Weight setting. Snapshots arrive as {@code set_weights} from the backend (stored, then acked) or,
 * in lite mode, from polling {@code GET /weights} (refused when stale, §10 #28). A duty applies the
 * newest unexpired snapshot on chain through the {@link ai.kinitro.validator.weights.WeightSetter}
 * port — when a new one arrives and again on a cadence — mapping hotkeys to uids from the metagraph
 * at set time, respecting the rate limit and the version key, with plain {@code set_weights} or
 * commit-reveal v2 (commit, then reveal in the reveal epoch; the commit is stored so a restart can
 * still reveal it).
 */
package ai.kinitro.validator.weights;
