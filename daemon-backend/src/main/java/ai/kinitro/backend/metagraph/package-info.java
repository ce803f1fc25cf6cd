/**
 * The subnet's metagraph as the backend needs it (hotkey ↔ uid, validator permits): the {@code
 * MetagraphSource} port and its default, table- or config-backed implementation. The chain monitor
 * provides a chain-backed implementation.
 */
package ai.kinitro.backend.metagraph;
