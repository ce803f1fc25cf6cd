package ai.kinitro.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.desktop.chart.viewmodel.EpisodePoint;
import ai.kinitro.desktop.chart.viewmodel.EpisodeSeries;
import ai.kinitro.desktop.theme.AppTheme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Theme colours reach charts in one place; the chart data model computes the running success rate. */
class ChartStylerTest {
  private static JFreeChart chart() {
    XYPlot plot = new XYPlot(new XYSeriesCollection(new XYSeries("reward")), new NumberAxis("Episode"), new NumberAxis("Reward"),
        new XYLineAndShapeRenderer());
    return new JFreeChart("t", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  @Test
  void aRegisteredChartTakesTheCurrentThemeAndFollowsItsChanges() {
    ChartStyler styler = new ChartStyler(AppTheme.LIGHT);
    JFreeChart chart = styler.register(chart());
    assertThat(chart.getBackgroundPaint()).isEqualTo(ChartStyler.LIGHT.background());

    styler.apply(AppTheme.DARK);

    XYPlot plot = (XYPlot) chart.getPlot();
    assertThat(chart.getBackgroundPaint()).isEqualTo(ChartStyler.DARK.background());
    assertThat(plot.getRangeGridlinePaint()).isEqualTo(ChartStyler.DARK.grid());
    assertThat(plot.getDomainAxis().getTickLabelPaint()).isEqualTo(ChartStyler.DARK.text());
    assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(ChartStyler.DARK.series().getFirst());
  }

  @Test
  void theSeriesKeepsTheRunningSuccessRateAndMeanReward() {
    EpisodeSeries s = new EpisodeSeries("run");
    s.add(10, false);
    s.add(20, true);
    s.add(30, true);

    assertThat(s.points()).containsExactly(new EpisodePoint(1, 10, false, 0), new EpisodePoint(2, 20, true, 0.5),
        new EpisodePoint(3, 30, true, 2.0 / 3));
    assertThat(s.meanReward()).isEqualTo(20);
    s.clear();
    assertThat(s.successRate()).isZero();
  }
}
