/** View model of the spectator dashboard: REST snapshots folded with realtime events; no controls. */
package ai.kinitro.desktop.spectator.viewmodel;
