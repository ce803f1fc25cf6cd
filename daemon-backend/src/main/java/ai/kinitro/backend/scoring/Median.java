package ai.kinitro.backend.scoring;

import java.util.Collection;

/** The median of a non-empty collection (mean of the two middle values for an even count). */
final class Median {
  private Median() {}

  static double of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of nothing");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }
}
