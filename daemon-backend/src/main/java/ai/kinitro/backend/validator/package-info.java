/** Validators known to the backend: connection state, heartbeats, counters, and their REST views. */
package ai.kinitro.backend.validator;
