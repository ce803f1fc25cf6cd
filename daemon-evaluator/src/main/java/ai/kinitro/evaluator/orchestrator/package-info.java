/**
 * The orchestrator: claims evaluation jobs from the validator's queue under a concurrency cap and
 * runs each one ({@link ai.kinitro.evaluator.orchestrator.EvaluationHandler}): fetch and check the
 * artifact, start the agent in the configured runtime, run the benchmark with the job's seeds,
 * report statuses, progress and exactly one terminal result through the outbox, and always clean
 * up. {@link ai.kinitro.evaluator.orchestrator.Verdicts} decides whose fault a failure is: agent
 * faults are final, platform faults go back to the queue with backoff. {@link
 * ai.kinitro.evaluator.orchestrator.Orchestrator} owns the worker pool, the dead-job reaper and the
 * runtimes, and stops them in a stated order.
 */
package ai.kinitro.evaluator.orchestrator;
