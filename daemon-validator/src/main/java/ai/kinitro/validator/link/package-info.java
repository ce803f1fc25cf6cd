/**
 * The backend link: one WebSocket (java.net.http) to the backend's validator channel at a time.
 * It answers {@code auth_challenge} with a {@code register} signed by the hotkey, heartbeats,
 * dispatches every backend message (jobs and weight snapshots are stored before they are acked;
 * acks and errors go to the relay), and reconnects forever with exponential backoff and jitter.
 * Per connection it runs the relay and the heartbeat on their own named threads; nothing of
 * value lives only in memory, so a reconnect or restart resumes from the database.
 */
package ai.kinitro.validator.link;
