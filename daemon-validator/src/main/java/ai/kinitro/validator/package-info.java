/**
 * The Kinitro validator daemon: backend link, durable Postgres queue, result relay and weight
 * setting. This package holds the entry point and the lifecycle adapter that fixes the start and
 * stop order of the background duties ({@link ai.kinitro.validator.ManagedDuty}).
 */
package ai.kinitro.validator;
