package ai.kinitro.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoJournalTest {
  @TempDir Path state;

  private static DemoJournal.Entry upload(String id) {
    return new DemoJournal.Entry(id, "v1", "k1:10:" + id, "ab".repeat(32), Instant.parse("2026-11-23T10:10:00Z"), Optional.empty());
  }

  @Test
  void aSecondRunReadsWhatTheFirstUploadedAndCommitted() {
    DemoJournal first = DemoJournal.open(state, "10");
    first.uploaded("expert", upload("21"));
    first.committed("expert", 79);
    first.uploaded("random", upload("22"));

    DemoJournal second = DemoJournal.open(state, "10");
    assertThat(second.entry("expert")).contains(upload("21").committed(79));
    assertThat(second.entry("random")).contains(upload("22"));
  }

  @Test
  void anotherCompetitionStartsAFreshJournal() {
    DemoJournal.open(state, "10").uploaded("expert", upload("21"));

    assertThat(DemoJournal.open(state, "11").entry("expert")).isEmpty();
  }

  @Test
  void aForgottenUploadIsGone() {
    DemoJournal journal = DemoJournal.open(state, "10");
    journal.uploaded("expert", upload("21"));
    journal.forget("expert");

    assertThat(DemoJournal.open(state, "10").entry("expert")).isEmpty();
  }

  @Test
  void anUnreadableJournalSaysHowToStartAfresh() throws Exception {
    Files.createDirectories(state.resolve("demo"));
    Files.writeString(state.resolve("demo/journal.json"), "{not json");

    assertThatThrownBy(() -> DemoJournal.open(state, "10")).isInstanceOfSatisfying(KinitroException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_STATE_UNREADABLE);
      assertThat(e.getMessage()).contains("delete it to start the demo afresh");
    });
  }
}
