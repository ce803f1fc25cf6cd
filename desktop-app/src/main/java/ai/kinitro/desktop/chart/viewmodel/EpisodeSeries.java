package ai.kinitro.desktop.chart.viewmodel;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Episode rewards and the running success rate of one run (a local evaluation, or one submission's
 * evaluation as events arrive). Charts listen to {@link #points()}; UI thread only.
 */
public final class EpisodeSeries {
  private final String name;
  private final ObservableList<EpisodePoint> points = FXCollections.observableArrayList();
  private final ObservableList<EpisodePoint> readOnly = FXCollections.unmodifiableObservableList(points);
  private int successes;

  public EpisodeSeries(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public ObservableList<EpisodePoint> points() {
    return readOnly;
  }

  /** Appends a finished episode and returns its point. */
  public EpisodePoint add(double reward, boolean success) {
    if (success) {
      successes++;
    }
    int n = points.size() + 1;
    EpisodePoint p = new EpisodePoint(n, reward, success, (double) successes / n);
    points.add(p);
    return p;
  }

  public void clear() {
    successes = 0;
    points.clear();
  }

  /** Share of successful episodes, 0 when there are none yet. */
  public double successRate() {
    return points.isEmpty() ? 0 : (double) successes / points.size();
  }

  /** Mean episode reward, 0 when there are none yet. */
  public double meanReward() {
    return points.stream().mapToDouble(EpisodePoint::reward).average().orElse(0);
  }
}
