/** Leader candidates and their review (approve, reject, unapprove) with an append-only audit; admin endpoints. */
package ai.kinitro.backend.leader;
