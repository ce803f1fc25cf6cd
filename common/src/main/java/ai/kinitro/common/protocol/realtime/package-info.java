/**
 * Messages of the public realtime channel ({@code /ws/client}) between the backend and dashboards:
 * greeting, subscriptions with typed filters, ping/pong, errors and sequenced events whose type is
 * derived from their typed payload. {@link
 * ai.kinitro.common.protocol.realtime.RealtimeMessageType} is the message registry and {@link
 * ai.kinitro.common.protocol.realtime.EventType} the event registry.
 */
package ai.kinitro.common.protocol.realtime;
