/**
 * The spectator dashboard (no API key): competitions and leaders, live job progress, a live
 * episode chart per submission, the submission leaderboard, weights, and episode replays.
 */
package ai.kinitro.desktop.spectator;
