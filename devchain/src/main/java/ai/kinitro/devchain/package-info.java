/**
 * The local dev chain: a stand-in for a subtensor node that serves the JSON-RPC subset Kinitro
 * uses over HTTP and WebSocket, accepts real signed extrinsics and enforces the chain's rules for
 * commitments and weights. {@link ai.kinitro.devchain.DevChain} is the embeddable entry point.
 */
package ai.kinitro.devchain;
