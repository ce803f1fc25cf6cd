package ai.kinitro.env;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an environment is: its id, its named observation spaces (e.g. {@code state}), its action
 * space, the step limit after which an episode is truncated, the cameras it can render, and a
 * one-line description.
 */
public record EnvSpec(
    EnvId id,
    Map<String, Space> observationSpaces,
    Space actionSpace,
    int maxEpisodeSteps,
    List<String> cameras,
    String description) {
  public EnvSpec {
    Objects.requireNonNull(id, "id");
    observationSpaces = Map.copyOf(observationSpaces);
    Objects.requireNonNull(actionSpace, "actionSpace");
    if (maxEpisodeSteps <= 0) {
      throw new IllegalArgumentException("maxEpisodeSteps must be positive");
    }
    cameras = List.copyOf(cameras);
    Objects.requireNonNull(description, "description");
  }
}
