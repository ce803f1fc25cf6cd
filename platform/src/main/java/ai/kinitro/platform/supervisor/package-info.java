/**
 * The generic supervisor: an ordered list of {@link ai.kinitro.platform.supervisor.ServiceSpec}s,
 * each started only after the previous one is healthy, stopped in reverse order (polite stop, wait,
 * then kill). It knows nothing about Kinitro's services; {@code ..services} describes those.
 */
package ai.kinitro.platform.supervisor;
