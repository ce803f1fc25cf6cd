/**
 * The public realtime channel {@code /ws/client}: subscriptions with filters, initial state, a
 * bounded send queue per connection (a slow subscriber is dropped, never waited for), and fan-out
 * across backend instances through PostgreSQL LISTEN/NOTIFY: every instance publishes events to
 * one channel and delivers what it hears to its own subscribers.
 */
package ai.kinitro.backend.realtime;
