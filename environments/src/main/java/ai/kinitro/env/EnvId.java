package ai.kinitro.env;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned environment id such as {@code classic/CartPole-v1} or {@code manipulation/reach-v1}:
 * a suite, a name and a version. A new version is registered whenever dynamics, rewards,
 * observations or reset distributions change, so a score always refers to one exact task.
 */
public record EnvId(String suite, String name, int version) {
  private static final Pattern FORMAT = Pattern.compile("([a-z][a-z0-9_]*)/([A-Za-z][A-Za-z0-9_-]*?)-v(\\d+)");

  public EnvId {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(name, "name");
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0");
    }
  }

  /** Parses {@code suite/Name-vN}; bad input is a USER error naming the expected form. */
  public static EnvId parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "Environment id '" + text + "' is not of the form suite/Name-vN, e.g. classic/CartPole-v1");
    }
    return new EnvId(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  @Override
  public String toString() {
    return suite + "/" + name + "-v" + version;
  }
}
