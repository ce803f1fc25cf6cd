/**
 * The dev chain's JSON-RPC 2.0 server: one port serving HTTP POST and WebSocket (like a substrate
 * node on 9944), the substrate method subset Kinitro uses with the node's JSON shapes and error
 * codes, subscriptions over WebSocket, and the dev-only {@code dev_*} methods.
 */
package ai.kinitro.devchain.rpc;
