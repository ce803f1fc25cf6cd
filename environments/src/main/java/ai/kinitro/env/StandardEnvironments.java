package ai.kinitro.env;

import ai.kinitro.env.classic.ClassicControl;
import ai.kinitro.env.manipulation.ManipulationSuite;
import java.util.ArrayList;
import java.util.List;

/** The list of shipped environment factories; each suite adds its factories here. */
final class StandardEnvironments {
  private StandardEnvironments() {}

  static List<EnvironmentFactory> all() {
    List<EnvironmentFactory> all = new ArrayList<>();
    all.addAll(ClassicControl.factories());
    all.addAll(ManipulationSuite.factories());
    return List.copyOf(all);
  }
}
