/**
 * The command-line entry point run by the init containers of agent pods ({@link
 * ai.kinitro.evaluator.runtime.kubernetes.cli.PodInit}): fetch and check the archive, then wait
 * until the pod's egress is locked. It prints its outcome, so it lives in a {@code cli} package.
 */
package ai.kinitro.evaluator.runtime.kubernetes.cli;
