/** The realtime event outbox table shared by backend instances. */
package ai.kinitro.backend.outbox;
