/** Competitions: benchmark definitions validated against the environment registry, thresholds, limits, leader; REST endpoints. */
package ai.kinitro.backend.competition;
