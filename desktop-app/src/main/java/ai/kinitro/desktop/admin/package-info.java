/**
 * The admin console (needs an admin API key): leader-candidate review, competitions, API keys and
 * validators, each a tab bound to its view model in {@code admin.viewmodel}.
 */
package ai.kinitro.desktop.admin;
