/** The Kinitro backend daemon: REST and admin API, validator and realtime WebSockets, chain monitor, vault, scoring (backend issue). */
package ai.kinitro.backend;
