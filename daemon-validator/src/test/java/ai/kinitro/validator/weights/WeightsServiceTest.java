package ai.kinitro.validator.weights;

import static ai.kinitro.validator.testing.Messages.ALICE;
import static ai.kinitro.validator.testing.Messages.BOB;
import static ai.kinitro.validator.testing.Messages.CHARLIE;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.validator.identity.ValidatorIdentity;
import ai.kinitro.validator.testing.Messages;
import ai.kinitro.testsupport.postgres.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WithPostgres
class WeightsServiceTest {
  private static final int NETUID = 26;
  private static final Duration REAPPLY = Duration.ofMinutes(20);
  private static final ValidatorIdentity VALIDATOR = ValidatorIdentity.of(SecretUri.parse("//Alice"));

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
  private final WeightsStore store;
  private final FakeWeightSetter chain = new FakeWeightSetter(NETUID, VALIDATOR.signer().publicKey(), List.of(ALICE, BOB, CHARLIE));
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  WeightsServiceTest(DataSource dataSource) throws SQLException {
    ai.kinitro.validator.database.TestMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE validator_weight_commit, validator_weights_snapshot");
    }
    store = new WeightsStore(dataSource);
  }

  private WeightsService service() {
    return new WeightsService(chain, store, VALIDATOR, now::get, new Random(7), metrics, NETUID, 0, REAPPLY);
  }

  private void receive(List<WeightEntry> entries) {
    receive(entries, Duration.ofMinutes(20));
  }

  private void receive(List<WeightEntry> entries, Duration ttl) {
    store.store(WeightsSnapshot.of(Messages.setWeights(NETUID, now.get(), ttl, entries)), WeightsStore.Source.BACKEND, now.get());
  }

  private double count(String action, String outcome) {
    return metrics.find(WeightsService.WEIGHT_SETS).tag("action", action).tag("outcome", outcome).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  @Test
  void plainModeSetsTheNewestSnapshotMappingHotkeysToTheirCurrentUids() {
    receive(List.of(new WeightEntry(1, BOB, 0.5), new WeightEntry(2, CHARLIE, 0.5)));
    now.set(now.get().plusSeconds(1));
    receive(List.of(new WeightEntry(1, BOB, 0.25), new WeightEntry(2, CHARLIE, 0.75)));

    assertThat(service().pollOnce()).isEqualTo(WeightsService.Step.SET);

    assertThat(chain.storedUids).containsExactly(1, 2);
    assertThat(chain.storedWeights).containsExactly((int) Math.rint(0.25 / 0.75 * 65535), 65535);
    assertThat(count("set", "success")).isEqualTo(1);
  }

  @Test
  void anExpiredSnapshotIsNeverSet() {
    receive(List.of(new WeightEntry(1, BOB, 1.0)));
    now.set(now.get().plus(Duration.ofMinutes(21)));

    assertThat(service().pollOnce()).isEqualTo(WeightsService.Step.NOTHING_TO_SET);
    assertThat(chain.extrinsics).isZero();
  }

  @Test
  void theRateLimitIsWaitedOutBeforeSetting() {
    chain.lastUpdate.set(0, chain.block - 10);
    receive(List.of(new WeightEntry(1, BOB, 1.0)));
    WeightsService service = service();

    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.WAITING_FOR_RATE_LIMIT);
    chain.advance(89);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.WAITING_FOR_RATE_LIMIT);
    chain.advance(1);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.SET);
    assertThat(chain.extrinsics).isEqualTo(1);
  }

  @Test
  void aRateLimitRejectionFromTheChainIsRetriedAfterTheLimit() {
    chain.lastUpdate.set(0, chain.block - 40);
    chain.hideLastUpdate = true;
    receive(List.of(new WeightEntry(1, BOB, 1.0)));
    WeightsService service = service();

    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.WAITING_FOR_RATE_LIMIT);
    assertThat(count("set", "failure")).isEqualTo(1);
    chain.advance(59);
    assertThat(service.pollOnce()).as("still inside the limit: no extrinsic").isEqualTo(WeightsService.Step.WAITING_FOR_RATE_LIMIT);
    assertThat(chain.extrinsics).isEqualTo(1);
    chain.advance(1);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.SET);
    assertThat(chain.extrinsics).isEqualTo(2);
  }

  @Test
  void commitRevealCommitsThenRevealsInTheRevealEpoch() {
    chain.commitReveal = true;
    chain.revealPeriod = 2;
    receive(List.of(new WeightEntry(1, BOB, 0.2), new WeightEntry(2, CHARLIE, 0.8)));
    WeightsService service = service();

    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.COMMITTED);
    long commitEpoch = chain.epoch();
    assertThat(chain.storedUids).as("nothing visible before the reveal").isNull();
    chain.advanceToEpoch(commitEpoch + 1);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.WAITING_FOR_REVEAL);
    chain.advanceToEpoch(commitEpoch + 2);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.REVEALED);

    assertThat(chain.storedUids).containsExactly(1, 2);
    assertThat(chain.storedWeights).containsExactly((int) Math.rint(0.2 / 0.8 * 65535), 65535);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.UP_TO_DATE);
  }

  @Test
  void aCommitSurvivesARestartAndIsRevealedByTheNextProcess() {
    chain.commitReveal = true;
    receive(List.of(new WeightEntry(1, BOB, 1.0)));
    assertThat(service().pollOnce()).isEqualTo(WeightsService.Step.COMMITTED);

    chain.advanceToEpoch(chain.epoch() + 1);
    assertThat(service().pollOnce()).isEqualTo(WeightsService.Step.REVEALED);
    assertThat(chain.storedUids).containsExactly(1);
  }

  @Test
  void aCommitMissedInItsRevealEpochIsDroppedAndCommittedAgain() {
    chain.commitReveal = true;
    receive(List.of(new WeightEntry(1, BOB, 1.0)));
    WeightsService service = service();
    service.pollOnce();

    chain.advanceToEpoch(chain.epoch() + 3);
    chain.advance(chain.rateLimit);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.COMMITTED);
    assertThat(count("reveal", "expired")).isEqualTo(1);
  }

  @Test
  void theNewestSnapshotIsSetAgainOnTheCadence() {
    receive(List.of(new WeightEntry(1, BOB, 1.0)), Duration.ofHours(2));
    WeightsService service = service();
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.SET);

    now.set(now.get().plus(REAPPLY.minusSeconds(1)));
    chain.advance(200);
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.UP_TO_DATE);
    now.set(now.get().plusSeconds(1));
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.SET);
    assertThat(count("set", "success")).isEqualTo(2);
  }

  @Test
  void aNewSnapshotIsSetAtOnceOnceTheRateLimitAllows() {
    receive(List.of(new WeightEntry(1, BOB, 1.0)));
    WeightsService service = service();
    service.pollOnce();
    chain.advance(chain.rateLimit);
    now.set(now.get().plusSeconds(60));

    receive(List.of(new WeightEntry(2, CHARLIE, 1.0)));
    assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.SET);
    assertThat(chain.storedUids).containsExactly(2);
  }

  @Test
  void aVersionKeyBelowTheSubnetsIsRefusedWithoutAnExtrinsic() {
    chain.versionKey = 5;
    receive(List.of(new WeightEntry(1, BOB, 1.0)));

    assertThat(service().pollOnce()).isEqualTo(WeightsService.Step.FAILED);
    assertThat(chain.extrinsics).isZero();
    assertThat(metrics.find(WeightsService.WEIGHT_SETS).tag("code", "validator_config_invalid").counter()).isNotNull();
  }
}
