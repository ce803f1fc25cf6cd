/** The Kinitro validator daemon: backend link, durable Postgres queue, result relay and weight setting (validator issue). */
package ai.kinitro.validator;
