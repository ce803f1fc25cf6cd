package ai.kinitro.demo;

import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.agent.examples.RandomAgent;
import ai.kinitro.platform.services.DevKeys;
import java.util.List;
import java.util.Objects;

/**
 * A miner of the demo: a dev key registered on the dev chain's default genesis and the example agent
 * it submits (a main class of kinitro-common's agent examples).
 *
 * @param name short name, used for its folder and in the journal
 * @param description what the agent does, for the console
 * @param key its dev key (hotkey, uid)
 * @param agentMainClass the agent's entry point
 */
public record DemoMiner(String name, String description, DevKeys.DevKey key, String agentMainClass) {
  public DemoMiner {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(agentMainClass, "agentMainClass");
  }

  /** The scripted expert (//Dave) and the random agent (//Eve). */
  public static List<DemoMiner> all() {
    return List.of(
        new DemoMiner("expert", "scripted CartPole expert", devKey("//Dave"), PolicyAgent.class.getName()),
        new DemoMiner("random", "random agent", devKey("//Eve"), RandomAgent.class.getName()));
  }

  private static DevKeys.DevKey devKey(String secretUri) {
    return DevKeys.all().stream().filter(k -> k.secretUri().equals(secretUri)).findFirst()
        .orElseThrow(() -> new IllegalStateException(secretUri + " is not a dev key of the default genesis"));
  }

  /** "expert (//Dave, uid 3)". */
  public String label() {
    return name + " (" + key.secretUri() + ", uid " + key.uid() + ")";
  }
}
