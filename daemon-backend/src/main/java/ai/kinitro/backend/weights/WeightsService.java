package ai.kinitro.backend.weights;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.persistence.Jsonb;
import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Stores weights snapshots and serves the newest; publishes {@link WeightsChanged} when the weights differ from the previous snapshot. */
@Service
public class WeightsService {
  private static final TypeReference<List<WeightEntryRow>> ENTRIES = new TypeReference<>() {};

  private final WeightSnapshotRepository snapshots;
  private final IdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public WeightsService(WeightSnapshotRepository snapshots, IdGenerator ids, Clock clock, ApplicationEventPublisher events) {
    this.snapshots = snapshots;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
  }

  /** Stores a snapshot of {@code entries} (any order); returns it. */
  @Transactional
  public WeightSnapshot record(int netuid, List<WeightEntryRow> entries, Duration ttl) {
    if (entries.isEmpty()) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "A weights snapshot needs at least one entry");
    }
    List<WeightEntryRow> sorted = entries.stream().sorted(Comparator.comparingInt(WeightEntryRow::uid)).toList();
    String hash = contentHash(netuid, sorted);
    Optional<WeightSnapshot> previous = snapshots.findLatest();
    Instant now = clock.instant();
    double total = sorted.stream().mapToDouble(WeightEntryRow::weight).sum();
    WeightSnapshot snapshot = snapshots.insert(new WeightSnapshot(ids.next(), netuid, now, now.plus(ttl), Jsonb.of(sorted),
        Math.min(total, 1.0), hash, now));
    if (previous.isEmpty() || !previous.get().contentHash().equals(hash)) {
      events.publishEvent(new WeightsChanged(snapshot));
    }
    return snapshot;
  }

  public Optional<WeightSnapshot> latest() {
    return snapshots.findLatest();
  }

  public static List<WeightEntryRow> entriesOf(WeightSnapshot snapshot) {
    return snapshot.entries().read(ENTRIES);
  }

  /** SHA-256 over the netuid and "uid:hotkey:weight" lines with weights at 9 decimals. */
  static String contentHash(int netuid, List<WeightEntryRow> sorted) {
    String canonical = netuid + "\n" + sorted.stream()
        .map(e -> e.uid() + ":" + e.hotkey() + ":" + String.format(Locale.ROOT, "%.9f", e.weight()))
        .collect(Collectors.joining("\n"));
    return HexFormat.of().formatHex(Hashing.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
  }
}
