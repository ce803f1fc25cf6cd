package ai.kinitro.rollout;

import ai.kinitro.env.EnvironmentRegistry;

/** Opens the package-private test environment to tests in sub-packages. */
public final class GoalEnvironmentAccess {
  public static final String ID = GoalEnvironment.ID;

  private GoalEnvironmentAccess() {}

  public static EnvironmentRegistry registry() {
    return GoalEnvironment.registry();
  }
}
