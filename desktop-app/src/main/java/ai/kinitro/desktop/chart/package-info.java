/**
 * Charts (JFreeChart on JavaFX through {@code org.jfree.chart.fx}). JFreeChart does not read
 * JavaFX CSS, so {@link ai.kinitro.desktop.chart.ChartStyler} is the one place that gives every
 * chart the colours of the current theme.
 */
package ai.kinitro.desktop.chart;
