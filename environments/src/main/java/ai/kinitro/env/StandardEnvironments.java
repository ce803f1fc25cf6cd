package ai.kinitro.env;

import java.util.List;

/** The list of shipped environment factories; each suite adds its factories here. */
final class StandardEnvironments {
  private StandardEnvironments() {}

  static List<EnvironmentFactory> all() {
    return List.of();
  }
}
