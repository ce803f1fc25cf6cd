package ai.kinitro.platform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path dir;

  private static PlatformState sample() {
    return new PlatformState(42, Instant.parse("2026-01-02T03:04:05Z"), "/tmp/state", Map.of("backend", 8080, "postgres", 5433),
        List.of(new PlatformState.ServiceState("postgres", 43, Instant.parse("2026-01-02T03:04:06Z"), 5433, "postgresql://127.0.0.1:5433",
                "/tmp/state/logs/postgres.log", "healthy"),
            new PlatformState.ServiceState("backend", 44, Instant.parse("2026-01-02T03:04:09Z"), 8080, "http://127.0.0.1:8080",
                "/tmp/state/logs/backend.log", "starting")));
  }

  @Test
  void writesAndReadsBackTheWholeState() {
    StateStore store = new StateStore(dir);

    store.write(sample());

    assertThat(store.read()).contains(sample());
  }

  @Test
  void anAbsentFileMeansNoState() {
    assertThat(new StateStore(dir).read()).isEmpty();
  }

  @Test
  void deleteRemovesTheFile() {
    StateStore store = new StateStore(dir);
    store.write(sample());

    store.delete();

    assertThat(Files.exists(dir.resolve("state.json"))).isFalse();
  }

  @Test
  void aCorruptFileIsReportedWithAHowToFix() throws Exception {
    Files.writeString(dir.resolve("state.json"), "{not json");

    assertThatThrownBy(() -> new StateStore(dir).read())
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_STATE_UNREADABLE);
          assertThat(e.getMessage()).contains("If no platform runs, delete it and try again.");
        });
  }
}
