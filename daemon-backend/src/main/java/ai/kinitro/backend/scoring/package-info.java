/**
 * Scoring: aggregation of results across validators (medians), eligibility, the choice of the next
 * leader candidate, award order and weights; the periodic score cycle.
 */
package ai.kinitro.backend.scoring;
