package ai.kinitro.desktop.chart;

import ai.kinitro.desktop.chart.viewmodel.EpisodePoint;
import ai.kinitro.desktop.chart.viewmodel.EpisodeSeries;
import javafx.collections.ListChangeListener;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A live chart of an {@link EpisodeSeries}: episode reward (left axis) and running success rate
 * (right axis, 0–1) against the episode number. It follows the series as points are added, and can
 * be switched to another series ({@link #show}). FX thread only.
 */
public final class EpisodeChart {
  private final XYSeries rewards = new XYSeries("Episode reward", false, true);
  private final XYSeries success = new XYSeries("Success rate", false, true);
  private final JFreeChart chart;
  private final ChartViewer viewer;
  private final ListChangeListener<EpisodePoint> listener = change -> {
    while (change.next()) {
      if (change.wasRemoved() && !change.wasAdded()) {
        reload(change.getList());
        return;
      }
      change.getAddedSubList().forEach(this::append);
    }
  };
  private EpisodeSeries shown;

  public EpisodeChart(String title, ChartStyler styler) {
    NumberAxis episodes = new NumberAxis("Episode");
    episodes.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    episodes.setAutoRangeIncludesZero(false);
    NumberAxis reward = new NumberAxis("Reward");
    reward.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(new XYSeriesCollection(rewards), episodes, reward, new XYLineAndShapeRenderer(true, true));
    plot.setOrientation(PlotOrientation.VERTICAL);
    NumberAxis rate = new NumberAxis("Success rate");
    rate.setRange(0, 1.05);
    plot.setRangeAxis(1, rate);
    plot.setDataset(1, new XYSeriesCollection(success));
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, new XYLineAndShapeRenderer(true, false));
    chart = styler.register(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    viewer = new ChartViewer(chart);
    viewer.setMinSize(200, 160);
    viewer.setPrefSize(520, 280);
  }

  public ChartViewer view() {
    return viewer;
  }

  public JFreeChart chart() {
    return chart;
  }

  /** Shows {@code series} (or nothing) from now on. */
  public void show(EpisodeSeries series) {
    if (shown != null) {
      shown.points().removeListener(listener);
    }
    shown = series;
    reload(series == null ? java.util.List.of() : series.points());
    if (series != null) {
      series.points().addListener(listener);
    }
  }

  /** Points on the chart now (for tests): reward series size. */
  public int pointCount() {
    return rewards.getItemCount();
  }

  private void reload(java.util.List<? extends EpisodePoint> points) {
    rewards.clear();
    success.clear();
    points.forEach(this::append);
  }

  private void append(EpisodePoint p) {
    rewards.add(p.episode(), p.reward());
    success.add(p.episode(), p.successRate());
  }
}
