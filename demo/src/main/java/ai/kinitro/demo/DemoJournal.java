package ai.kinitro.demo;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the demo has done so far, in {@code <state>/demo/journal.json}: per miner its upload (the
 * submission id and commitment the backend granted) and whether the commitment is on chain. A
 * second {@code ./kinitro demo} reads it and resumes, so a miner is never submitted twice. The
 * journal belongs to one competition; a different competition id starts a fresh one.
 */
public final class DemoJournal {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One miner's progress. {@code committedBlock} is empty until the commitment is in a block. */
  public record Entry(String submissionId, String version, String commitment, String sha256, Instant uploadExpiresAt,
      Optional<Long> committedBlock) {
    public Entry {
      Objects.requireNonNull(submissionId, "submissionId");
      Objects.requireNonNull(commitment, "commitment");
      committedBlock = committedBlock == null ? Optional.empty() : committedBlock;
    }

    Entry committed(long block) {
      return new Entry(submissionId, version, commitment, sha256, uploadExpiresAt, Optional.of(block));
    }
  }

  /** The file's content. */
  public record Content(String competitionId, Map<String, Entry> miners) {
    public Content {
      Objects.requireNonNull(competitionId, "competitionId");
      miners = Map.copyOf(miners);
    }
  }

  private final Path file;
  private Content content;

  private DemoJournal(Path file, Content content) {
    this.file = file;
    this.content = content;
  }

  /** Opens the journal of {@code competitionId} (a journal of another competition is set aside). */
  public static DemoJournal open(Path stateDir, String competitionId) {
    Path file = stateDir.resolve("demo").resolve("journal.json");
    Content content = new Content(competitionId, Map.of());
    if (Files.isRegularFile(file)) {
      try {
        Content stored = JSON.readValue(Files.readString(file), Content.class);
        if (stored.competitionId().equals(competitionId)) {
          content = stored;
        }
      } catch (IOException | RuntimeException e) {
        throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "the demo journal " + file + " is unreadable ("
            + e.getMessage() + "); delete it to start the demo afresh");
      }
    }
    return new DemoJournal(file, content);
  }

  public Optional<Entry> entry(String miner) {
    return Optional.ofNullable(content.miners().get(miner));
  }

  public void uploaded(String miner, Entry entry) {
    put(miner, entry);
  }

  public void committed(String miner, long block) {
    Entry entry = entry(miner).orElseThrow(() -> new IllegalStateException(miner + " has no upload to commit"));
    put(miner, entry.committed(block));
  }

  /** Forgets a miner's upload (it expired before it was committed). */
  public void forget(String miner) {
    Map<String, Entry> miners = new LinkedHashMap<>(content.miners());
    miners.remove(miner);
    save(new Content(content.competitionId(), miners));
  }

  private void put(String miner, Entry entry) {
    Map<String, Entry> miners = new LinkedHashMap<>(content.miners());
    miners.put(miner, entry);
    save(new Content(content.competitionId(), miners));
  }

  private void save(Content next) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(next));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      content = next;
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.PLATFORM_STATE_UNREADABLE, "could not write the demo journal " + file + ": "
          + e.getMessage(), e);
    }
  }
}
