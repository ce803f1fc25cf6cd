/**
 * The backend as the desktop app sees it: a REST client ({@link ai.kinitro.desktop.api.BackendApi},
 * plain {@code java.net.http} and Jackson, RFC 9457 problems turned into {@code KinitroException}
 * with the backend's own code), the values it returns, and the realtime channel client ({@link
 * ai.kinitro.desktop.api.RealtimeClient}) behind the {@link ai.kinitro.desktop.api.EventSource}
 * port that view models use.
 */
package ai.kinitro.desktop.api;
