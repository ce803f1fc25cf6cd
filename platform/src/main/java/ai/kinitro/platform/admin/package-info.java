/**
 * The supervisor's client of the backend's admin REST API: the demo competition and the local
 * validator's API key, authenticated with the local admin key.
 */
package ai.kinitro.platform.admin;
