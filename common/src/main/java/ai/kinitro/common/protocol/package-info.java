/**
 * The wire protocol shared by the backend, validators and dashboards: the JSON codec ({@link
 * ai.kinitro.common.protocol.ProtocolCodec}), its typed decode result, and the value records both
 * channels use. The messages themselves live in {@code protocol.validator} (channel {@code
 * /ws/validator}) and {@code protocol.realtime} (channel {@code /ws/client}). {@code
 * docs/protocol.md} at the repository root is the specification; it changes in lock-step with
 * these classes.
 */
package ai.kinitro.common.protocol;
