/** Single-use nonces of signed requests and validator challenges, stored in PostgreSQL so all backend instances share them. */
package ai.kinitro.backend.nonce;
