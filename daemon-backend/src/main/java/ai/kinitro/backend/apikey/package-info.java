/** API keys: creation (secret shown once, SHA-256 stored), lookup, roles, coarse last-use tracking, admin endpoints. */
package ai.kinitro.backend.apikey;
