package ai.kinitro.env.manipulation;

import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import java.util.List;

/**
 * The ten MT10-style manipulation tasks, registered as {@code manipulation/<task>-v1}: reach,
 * push, pick-place, door-open, drawer-open, drawer-close, button-press-topdown, peg-insert-side,
 * window-open and window-close.
 */
public final class ManipulationSuite {
  private ManipulationSuite() {}

  private static final List<Task> TASKS = List.of(
      new ReachTask(), new PushTask(), new PickPlaceTask(), new DoorOpenTask(), new DrawerTask(true),
      new DrawerTask(false), new ButtonPressTopdownTask(), new PegInsertSideTask(), new WindowTask(true),
      new WindowTask(false));

  private record Factory(Task task, int index, EnvSpec spec) implements EnvironmentFactory {
    @Override
    public Environment create() {
      return new ManipulationEnv(task, index);
    }
  }

  private static final List<EnvironmentFactory> FACTORIES = buildFactories();

  private static List<EnvironmentFactory> buildFactories() {
    EnvironmentFactory[] out = new EnvironmentFactory[TASKS.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Factory(TASKS.get(i), i, ManipulationEnv.specFor(TASKS.get(i)));
    }
    return List.of(out);
  }

  /** Task names in MT10 order, e.g. {@code pick-place}. */
  public static List<String> taskNames() {
    return TASKS.stream().map(Task::name).toList();
  }

  /** One factory per task, in MT10 order. */
  public static List<EnvironmentFactory> factories() {
    return FACTORIES;
  }
}
