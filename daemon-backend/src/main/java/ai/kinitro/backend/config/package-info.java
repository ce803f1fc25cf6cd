/** Application-wide wiring: clock, ids, environment registry, configuration binding. */
package ai.kinitro.backend.config;
