package ai.kinitro.env.classic;

import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import java.util.List;
import java.util.function.Supplier;

/** The classic control suite: one factory per task, in a stable order. */
public final class ClassicControl {
  private ClassicControl() {}

  private record Factory(EnvSpec spec, Supplier<Environment> creator) implements EnvironmentFactory {
    @Override
    public Environment create() {
      return creator.get();
    }
  }

  /** classic/CartPole-v1, classic/Pendulum-v1, classic/MountainCar-v0, classic/MountainCarContinuous-v0, classic/Acrobot-v1. */
  public static List<EnvironmentFactory> factories() {
    return List.of(
        new Factory(CartPole.SPEC, CartPole::new),
        new Factory(Pendulum.SPEC, Pendulum::new),
        new Factory(MountainCar.SPEC, MountainCar::new),
        new Factory(MountainCarContinuous.SPEC, MountainCarContinuous::new),
        new Factory(Acrobot.SPEC, Acrobot::new));
  }
}
