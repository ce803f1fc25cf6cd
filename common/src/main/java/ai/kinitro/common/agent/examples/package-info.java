/**
 * Example agents built with the Java SDK: {@link ai.kinitro.common.agent.examples.RandomAgent}
 * (uniform random actions) and {@link ai.kinitro.common.agent.examples.PolicyAgent} (a policy
 * function from an observation vector to an action vector). Each has a {@code main} that serves it
 * with {@code --host/--port}, so it can be packaged as a {@code command} submission.
 */
package ai.kinitro.common.agent.examples;
