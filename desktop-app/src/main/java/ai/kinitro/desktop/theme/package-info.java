/** Light and dark themes (AtlantaFX) and the one place that applies them. */
package ai.kinitro.desktop.theme;
