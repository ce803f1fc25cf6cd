/**
 * The dev chain node: block production, the transaction pool (validation, ready and future
 * transactions, watchers), the block index with recent per-block storage, and the hooks the RPC
 * layer and the data directory use. One lock guards the chain; notifications leave on one
 * ordered thread.
 */
package ai.kinitro.devchain.node;
