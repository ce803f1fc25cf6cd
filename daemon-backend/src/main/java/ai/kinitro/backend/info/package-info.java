/** {@code GET /}: what this backend is and where its API, docs and channels are. */
package ai.kinitro.backend.info;
