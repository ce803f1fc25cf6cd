/**
 * {@code ./kinitro demo}: two miners (the scripted CartPole expert and a random agent) submit to the
 * running local platform through the miner's own services (assemble, package, signed upload,
 * commit on the dev chain); the demo follows the evaluation, approves the expert's leader candidate
 * with the local admin key, and waits until the validator's weights on the dev chain favour the
 * expert. Progress is journalled in the state directory, so a second run resumes instead of
 * submitting again.
 */
package ai.kinitro.demo;
