package ai.kinitro.platform.admin;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Makes the first admin API key with the backend's own admin command line ({@code java -jar
 * kinitro-backend.jar admin api-key create --role admin ...}), which writes straight into the
 * backend's database. The secret comes back on the command's standard output, which is read from a
 * pipe and never written to a log.
 */
public final class AdminKeyBootstrap {
  /** The class the backend jar holds when it has the admin command line. */
  static final String ADMIN_CLI_ENTRY = "BOOT-INF/classes/ai/kinitro/backend/cli/AdminLauncher.class";
  private static final Pattern SECRET_LINE = Pattern.compile("(?m)^api key:\\s*(\\S+)\\s*$");

  private AdminKeyBootstrap() {}

  /** Whether {@code backendJar} has the {@code admin} command line. */
  public static boolean supported(Path backendJar) {
    if (!Files.isRegularFile(backendJar)) {
      return false;
    }
    try (ZipFile zip = new ZipFile(backendJar.toFile())) {
      return zip.getEntry(ADMIN_CLI_ENTRY) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Runs {@code command} (the whole {@code java -jar ... admin api-key create ...} line) and returns
   * the key it prints. Its standard error and its output without the secret are appended to {@code log}.
   */
  public static String createKey(List<String> command, Map<String, String> environment, Path log, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    String output;
    int exit;
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = builder.start();
      process.getOutputStream().close();
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      Thread reader = Thread.ofPlatform().name("admin-cli-output").start(() -> copy(process.getInputStream(), buffer));
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "The backend's admin command did not finish within "
            + timeout.toSeconds() + " s; see " + log);
      }
      reader.join(Duration.ofSeconds(5));
      exit = process.exitValue();
      output = buffer.toString(StandardCharsets.UTF_8);
      Files.writeString(log, redact(output), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "Could not run the backend's admin command: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "Interrupted while creating the admin API key", e);
    }
    Optional<String> key = secret(output);
    if (exit != 0 || key.isEmpty()) {
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "The backend's admin command (api-key create) failed with exit code "
          + exit + " and printed no key; see " + log);
    }
    return key.get();
  }

  /** The key in the admin command's output ({@code api key: <secret>}). */
  static Optional<String> secret(String output) {
    Matcher m = SECRET_LINE.matcher(output);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The output with the secret replaced, safe for a log file. */
  static String redact(String output) {
    return SECRET_LINE.matcher(output).replaceAll("api key: <stored in secrets.properties>");
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // the process ended; what was read is kept
    }
  }

  /** The admin command's arguments after {@code -jar <jar>}. */
  public static List<String> arguments(String keyName, List<String> springArgs) {
    List<String> args = new ArrayList<>(List.of("admin", "api-key", "create", "--name", keyName, "--role", "admin",
        "--description", "Created by ./kinitro up for the local platform"));
    args.addAll(springArgs);
    return args;
  }
}
