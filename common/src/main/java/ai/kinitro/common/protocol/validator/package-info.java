/**
 * Messages of the validator channel ({@code /ws/validator}) between the backend and full
 * validators: the signed handshake, heartbeats, durable job and weight delivery, and durable
 * reporting of statuses, results and episodes. {@link
 * ai.kinitro.common.protocol.validator.ValidatorMessageType} is the registry; {@link
 * ai.kinitro.common.protocol.validator.ValidatorProtocol} builds the codecs.
 */
package ai.kinitro.common.protocol.validator;
