package ai.kinitro.platform.state;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The local platform's secrets, made once and kept in {@code secrets.properties} (mode 600) in the
 * state directory so a second {@code ./kinitro up} uses the same ones: the S3 credentials (made
 * here), and the keys the backend issues on the first run (the admin API key, the validator's API
 * key). {@link #toString()} never
 * shows values.
 */
public final class LocalSecrets {
  public static final String FILE_NAME = "secrets.properties";
  public static final String ADMIN_API_KEY = "admin.api-key";
  public static final String S3_ACCESS_KEY = "s3.access-key";
  public static final String S3_SECRET_KEY = "s3.secret-key";
  public static final String VALIDATOR_API_KEY = "validator.api-key";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Properties values;

  private LocalSecrets(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  /** Loads the secrets of {@code stateDir}, creating the ones that do not exist yet. */
  public static LocalSecrets loadOrCreate(Path stateDir) {
    Path file = Objects.requireNonNull(stateDir, "stateDir").resolve(FILE_NAME);
    Properties values = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(reader);
      } catch (IOException e) {
        throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "Could not read " + file + ": " + e.getMessage(), e);
      }
    }
    LocalSecrets secrets = new LocalSecrets(file, values);
    boolean changed = secrets.createIfAbsent(S3_ACCESS_KEY, "kinitro-local-" + hex(4));
    changed |= secrets.createIfAbsent(S3_SECRET_KEY, token(30));
    if (changed || !Files.isRegularFile(file)) {
      secrets.save();
    }
    return secrets;
  }

  public String get(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("No local secret " + key);
    }
    return value;
  }

  public Optional<String> find(String key) {
    return Optional.ofNullable(values.getProperty(key));
  }

  /** Stores a value and saves the file. */
  public synchronized void put(String key, String value) {
    values.setProperty(key, Objects.requireNonNull(value, "value"));
    save();
  }

  private boolean createIfAbsent(String key, String value) {
    if (values.getProperty(key) != null) {
      return false;
    }
    values.setProperty(key, value);
    return true;
  }

  private synchronized void save() {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        values.store(writer, "Secrets of the local Kinitro platform (./kinitro up). Keep private.");
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A URL-safe random token of {@code bytes} random bytes. */
  private static String token(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static String hex(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return java.util.HexFormat.of().formatHex(raw);
  }

  @Override
  public String toString() {
    return "LocalSecrets[" + file + ", " + values.size() + " values, redacted]";
  }
}
