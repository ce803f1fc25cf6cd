/**
 * Operations: the health of the chain monitor and of the vault ({@code /actuator/health}
 * components {@code chain} and {@code vault}) and the backend's Prometheus meters
 * ({@code /actuator/prometheus}), read from the features through small read-only accessors.
 */
package ai.kinitro.backend.ops;
