/** Aggregate public views: platform statistics and leaderboards (competition leaders, submissions). */
package ai.kinitro.backend.stats;
