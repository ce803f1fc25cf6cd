package ai.kinitro.platform.state;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code state.json} atomically (write a temporary file, then rename). */
public final class StateStore {
  public static final String FILE_NAME = "state.json";
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path file;

  public StateStore(Path stateDir) {
    this.file = Objects.requireNonNull(stateDir, "stateDir").resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  public Optional<PlatformState> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
    } catch (JacksonException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE,
          file + " is not a valid platform state file (" + e.getOriginalMessage()
              + "). If no platform runs, delete it and try again.", e);
    }
  }

  public synchronized void write(PlatformState state) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(FILE_NAME + ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(state));
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | JacksonException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "Could not delete " + file + ": " + e.getMessage(), e);
    }
  }
}
