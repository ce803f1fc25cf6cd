/**
 * The dev chain's data directory: a JSON snapshot of the head state written atomically after every
 * block (temporary file, fsync, atomic rename, so a torn write leaves the previous snapshot intact)
 * and an append-only log of block headers. See {@link ai.kinitro.devchain.store.DataDirectory}.
 */
package ai.kinitro.devchain.store;
