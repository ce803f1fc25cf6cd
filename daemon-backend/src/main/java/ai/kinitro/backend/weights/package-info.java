/** Weights snapshots (stored, served by {@code GET /weights}) and the {@code WeightsChanged} event. */
package ai.kinitro.backend.weights;
