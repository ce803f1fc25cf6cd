/**
 * Scripted expert policies for the manipulation suite, one per task, in the manner of
 * MetaWorld's hand-written policies: each maps the 39-value observation to an action with a few
 * geometric phases (move above, descend, grasp or hook, move to the goal) and keeps no memory.
 * Used by the tests (success rates) and as the example agent.
 */
package ai.kinitro.env.manipulation.experts;
