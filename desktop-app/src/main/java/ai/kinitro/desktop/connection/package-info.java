/** Connection profiles (kept in the user's config, mode 600), the backend probe and monitor. */
package ai.kinitro.desktop.connection;
