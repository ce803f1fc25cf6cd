/**
 * Operations: health of the backend link and of the database (including the LISTEN connection),
 * exposed through Actuator next to the Prometheus metrics the features register.
 */
package ai.kinitro.validator.ops;
