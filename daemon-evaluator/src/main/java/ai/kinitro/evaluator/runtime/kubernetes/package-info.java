/**
 * Cluster mode: one Kubernetes pod per submission (fabric8 client). {@link
 * ai.kinitro.evaluator.runtime.kubernetes.AgentPodSpec} builds the pod (an init container that
 * fetches and checks the archive with {@link ai.kinitro.evaluator.runtime.kubernetes.cli.PodInit}, a
 * second one that waits until egress is locked, the agent container: non-root, read-only root
 * filesystem, no capabilities, no service-account token, resource limits) and its NetworkPolicy
 * (only the evaluator may connect in; egress only while fetching, none at run time). {@link
 * ai.kinitro.evaluator.runtime.kubernetes.PodStartup} waits without blocking a thread (watch plus
 * scheduled polls on a named executor), locks egress once the fetch is done, and classifies what
 * goes wrong. {@link ai.kinitro.evaluator.runtime.kubernetes.KubernetesAgentRuntimes} deletes
 * pods on every exit path and sweeps leftovers by label.
 */
package ai.kinitro.evaluator.runtime.kubernetes;
