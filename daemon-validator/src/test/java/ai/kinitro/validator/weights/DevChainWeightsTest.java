package ai.kinitro.validator.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.Neuron;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.genesis.SubnetParams;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.database.TestMigrations;
import ai.kinitro.validator.identity.ValidatorIdentity;
import ai.kinitro.validator.testing.Messages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The weights duty against the embeddable dev chain (real extrinsics signed by //Bob, a validator
 * with a permit in the bundled genesis; blocks every 250 ms): plain set_weights, v2 commit then
 * reveal in the reveal epoch, and a rate-limit rejection from the chain retried after the limit.
 */
@WithPostgres
class DevChainWeightsTest {
  private static final Duration BLOCK = Duration.ofMillis(250);
  private static final ValidatorIdentity BOB = ValidatorIdentity.of(SecretUri.parse("//Bob"));
  private static final String CHARLIE = Ss58.encode(SecretUri.parse("//Charlie").publicKey());
  private static final String DAVE = Ss58.encode(SecretUri.parse("//Dave").publicKey());
  private static final TxOptions WAIT = TxOptions.DEFAULT.withTimeout(Duration.ofSeconds(30));

  private final WeightsStore store;
  private final DataSource dataSource;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  DevChainWeightsTest(DataSource dataSource) throws Exception {
    TestMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE validator_weight_commit, validator_weights_snapshot");
    }
    store = new WeightsStore(dataSource);
    this.dataSource = dataSource;
  }

  /** The duty's last recorded error, to explain a failed step. */
  private String lastError() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT string_agg(last_error, '; ') FROM validator_weights_snapshot")) {
      rs.next();
      return "last error: " + rs.getString(1);
    } catch (java.sql.SQLException e) {
      return e.toString();
    }
  }

  private static DevChain chain(boolean commitReveal, long rateLimit) {
    Genesis g = GenesisParser.defaultGenesis();
    SubnetParams p = g.params();
    SubnetParams params = new SubnetParams(p.tempo(), rateLimit, commitReveal, p.revealPeriodEpochs(), p.weightsVersionKey(),
        p.minAllowedWeights(), p.maxWeightsLimit(), p.maxAllowedValidators(), p.maxAllowedUids(), p.immunityPeriod(),
        p.stakeThreshold(), p.maxSpace());
    Genesis genesis = new Genesis(g.chainName(), g.netuid(), g.blockTime(), params, g.ownerColdkey(), g.ownerHotkey(), g.neurons());
    return DevChain.start(DevChainConfig.forTests().withGenesis(genesis).withBlockTime(BLOCK));
  }

  private void receive(int netuid) {
    store.store(WeightsSnapshot.of(Messages.setWeights(netuid, Instant.now(), Duration.ofHours(1),
        List.of(new WeightEntry(2, CHARLIE, 0.75), new WeightEntry(3, DAVE, 0.25)))), WeightsStore.Source.BACKEND, Instant.now());
  }

  private WeightsService service(WeightSetter setter, int netuid) {
    return new WeightsService(setter, store, BOB, Clock.systemUTC(), new SecureRandom(), metrics, netuid, 0, Duration.ofHours(1));
  }

  private static long lastUpdate(ChainClient client, int netuid) {
    return client.metagraph(netuid, BlockRef.best()).byHotkey(new AccountId(BOB.signer().publicKey()))
        .map(Neuron::lastUpdate).orElseThrow();
  }

  /** Polls the duty (as its loop does, once per block) until a step satisfies {@code done}. */
  private static WeightsService.Step pollUntil(WeightsService service, Predicate<WeightsService.Step> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    WeightsService.Step step = service.pollOnce();
    while (!done.test(step) && System.nanoTime() < deadline) {
      Thread.sleep(BLOCK);
      step = service.pollOnce();
    }
    return step;
  }

  @Test
  void plainModeSetsWeightsOnTheDevChain() throws Exception {
    try (DevChain chain = chain(false, 10); ChainClient client = SubstrateChainClient.connect(chain.url())) {
      int netuid = chain.config().genesis().netuid();
      receive(netuid);
      WeightsService service = service(new ChainClientWeightSetter(() -> client, BOB.signer(), WAIT), netuid);

      assertThat(service.pollOnce()).as(this::lastError).isEqualTo(WeightsService.Step.SET);
      assertThat(lastUpdate(client, netuid)).isPositive();
      assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.UP_TO_DATE);
    }
  }

  @Test
  void commitRevealCommitsThenRevealsInTheRevealEpochOnTheDevChain() throws Exception {
    try (DevChain chain = chain(true, 10); ChainClient client = SubstrateChainClient.connect(chain.url())) {
      int netuid = chain.config().genesis().netuid();
      receive(netuid);
      WeightsService service = service(new ChainClientWeightSetter(() -> client, BOB.signer(), WAIT), netuid);

      assertThat(service.pollOnce()).as(this::lastError).isEqualTo(WeightsService.Step.COMMITTED);
      assertThat(pollUntil(service, s -> s != WeightsService.Step.WAITING_FOR_REVEAL)).isEqualTo(WeightsService.Step.REVEALED);
      assertThat(metrics.find(WeightsService.WEIGHT_SETS).tag("action", "reveal").tag("outcome", "success").counter().count())
          .isEqualTo(1);
      assertThat(service.pollOnce()).isEqualTo(WeightsService.Step.UP_TO_DATE);
    }
  }

  @Test
  void aRateLimitRejectionByTheDevChainIsRetriedAfterTheLimit() throws Exception {
    // A 60-block limit (15 s): the refused set must reach the chain inside it even on a slow machine.
    try (DevChain chain = chain(false, 60); ChainClient client = SubstrateChainClient.connect(chain.url())) {
      int netuid = chain.config().genesis().netuid();
      ChainClientWeightSetter real = new ChainClientWeightSetter(() -> client, BOB.signer(), WAIT);
      assertThat(real.setWeights(netuid, new int[] {2}, new int[] {65535}, 0)).isInstanceOf(TxOutcome.Included.class);
      // A view that does not show the recent update, so the chain itself has to refuse the next set.
      WeightSetter blind = new WeightSetter() {
        @Override
        public SubnetView subnet(int n) {
          SubnetView v = real.subnet(n);
          return new SubnetView(v.netuid(), v.block(), v.tempo(), v.weightsRateLimit(), v.commitRevealEnabled(),
              v.revealPeriodEpochs(), v.weightsVersionKey(), v.hotkeys(), v.lastUpdate().stream().map(x -> 0L).toList());
        }

        @Override
        public TxOutcome setWeights(int n, int[] uids, int[] weights, long versionKey) {
          return real.setWeights(n, uids, weights, versionKey);
        }

        @Override
        public TxOutcome commitWeights(int n, byte[] hash) {
          return real.commitWeights(n, hash);
        }

        @Override
        public TxOutcome revealWeights(int n, int[] uids, int[] weights, int[] salt, long versionKey) {
          return real.revealWeights(n, uids, weights, salt, versionKey);
        }
      };
      receive(netuid);
      WeightsService service = service(blind, netuid);

      assertThat(service.pollOnce()).as(this::lastError).isEqualTo(WeightsService.Step.WAITING_FOR_RATE_LIMIT);
      assertThat(metrics.find(WeightsService.WEIGHT_SETS).tag("outcome", "failure").tag("code", "chain_rate_limited").counter())
          .isNotNull();
      assertThat(pollUntil(service, s -> s != WeightsService.Step.WAITING_FOR_RATE_LIMIT)).isEqualTo(WeightsService.Step.SET);
    }
  }
}
