/**
 * JSON-RPC 2.0 transports to a Substrate node: the {@link
 * ai.kinitro.common.chain.rpc.JsonRpcTransport} port, a WebSocket implementation with
 * subscriptions and automatic reconnect, an HTTP implementation for plain calls, one that uses
 * HTTP when the WebSocket is down, and a {@link ai.kinitro.common.chain.rpc.ReplayTransport} that
 * answers from stored fixtures. Nothing here knows about subtensor; the chain client builds on it.
 */
package ai.kinitro.common.chain.rpc;
