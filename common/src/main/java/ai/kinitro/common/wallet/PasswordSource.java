package ai.kinitro.common.wallet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Supplies the password of an encrypted keyfile, only when one is needed: a console prompt, a
 * desktop dialog, an environment variable for headless daemons, or a constant in tests. The
 * caller zeroes the returned array once the key is derived, so return a fresh array each time.
 */
@FunctionalInterface
public interface PasswordSource {
  /**
   * The password for the keyfile at {@code keyfile}, or null if the user declined to give one.
   */
  char[] password(Path keyfile);

  /** Always the same password (a fresh copy per call). */
  static PasswordSource of(char[] password) {
    Objects.requireNonNull(password, "password");
    char[] copy = password.clone();
    return keyfile -> copy.clone();
  }

  /** For places where no keyfile should be encrypted: never gives a password. */
  static PasswordSource none() {
    return keyfile -> null;
  }
}
