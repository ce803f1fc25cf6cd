package ai.kinitro.env;

import ai.kinitro.env.classic.ClassicExperts;
import ai.kinitro.env.manipulation.experts.ManipulationPolicy;
import ai.kinitro.env.manipulation.experts.ScriptedExperts;
import ai.kinitro.env.policy.Policy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hand-written experts by environment id: the baseline every task must be solvable by, used in
 * tests and by {@code kinitro env run --agent scripted}.
 */
public final class ScriptedPolicies {
  private static final Map<String, Supplier<Policy>> EXPERTS = experts();

  private ScriptedPolicies() {}

  private static Map<String, Supplier<Policy>> experts() {
    Map<String, Supplier<Policy>> all = new HashMap<>(ClassicExperts.all());
    for (String task : ScriptedExperts.tasks()) {
      all.put("manipulation/" + task + "-v1", () -> {
        ManipulationPolicy expert = ScriptedExperts.forTask(task);
        return expert::act;
      });
    }
    return Map.copyOf(all);
  }

  public static Optional<Policy> forEnv(String id) {
    return Optional.ofNullable(EXPERTS.get(id)).map(Supplier::get);
  }
}
