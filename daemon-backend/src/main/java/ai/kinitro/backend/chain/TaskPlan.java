package ai.kinitro.backend.chain;

import tools.jackson.databind.JsonNode;

/** Reading a stored benchmark definition ({@code jobs.spec}) for the wire. */
public final class TaskPlan {
  private TaskPlan() {}

  /** An integer from the definition or its {@code config}, else the fallback. */
  public static int intField(JsonNode spec, String name, int fallback) {
    JsonNode direct = spec.path(name);
    if (direct.isIntegralNumber()) {
      return direct.asInt();
    }
    JsonNode nested = spec.path("config").path(name);
    return nested.isIntegralNumber() ? nested.asInt() : fallback;
  }

  /** A stored name as a wire token: characters outside {@code [A-Za-z0-9_.:/-]} become {@code _}. */
  public static String wireToken(String name) {
    return name.replaceAll("[^A-Za-z0-9_.:/-]", "_");
  }
}
