/**
 * The vault: the private S3 bucket holding submission archives. Presigned PUTs that bind the
 * archive's SHA-256 and size, presigned GETs for assigned validators and for the public release
 * after the hold-out, and verification of a stored object against its declared hash and size.
 */
package ai.kinitro.backend.vault;
