/**
 * What the evaluator tells the backend: status updates, terminal results, episode summaries and
 * step batches, each encoded as the validator-channel frame the validator relays verbatim and
 * appended to the shared outbox under its protocol message id ({@link
 * ai.kinitro.evaluator.report.BackendReports}).
 */
package ai.kinitro.evaluator.report;
