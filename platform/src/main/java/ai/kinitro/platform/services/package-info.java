/**
 * What the local platform runs: the ordered, data-driven catalog of services (PostgreSQL, S3, dev
 * chain, backend, validator, evaluator) with their commands, configuration keys, ports, health
 * checks and availability, plus the well-known development keys. Adding a service is one entry in
 * {@link ai.kinitro.platform.services.ServiceCatalog}.
 */
package ai.kinitro.platform.services;
