/**
 * The Kinitro desktop app (JavaFX): the shell with connection profiles, themes and status today;
 * the miner wizard, admin console and spectator dashboard come with the desktop issue.
 */
package ai.kinitro.desktop;
