package ai.kinitro.devchain;

import static ai.kinitro.devchain.DevKeys.ALICE;
import static ai.kinitro.devchain.DevKeys.BOB;
import static ai.kinitro.devchain.DevKeys.DAVE;
import static ai.kinitro.devchain.DevKeys.EVE;
import static ai.kinitro.devchain.DevKeys.STRANGER;
import static ai.kinitro.devchain.DevKeys.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.Calls;
import ai.kinitro.common.chain.SignedExtrinsic;
import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.chain.StorageKey;
import ai.kinitro.common.chain.WeightsCommitHash;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainWeights;
import ai.kinitro.common.chain.client.Commitment;
import ai.kinitro.common.chain.client.Metagraph;
import ai.kinitro.common.chain.client.Neuron;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.common.chain.rpc.HttpJsonRpcTransport;
import ai.kinitro.common.chain.rpc.JsonRpcException;
import ai.kinitro.common.chain.rpc.WebSocketJsonRpcTransport;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real chain client ({@link SubstrateChainClient}) against a running dev chain over real
 * sockets: the client signs with the dev keys, reads metadata, storage and the runtime API, and
 * maps the dev chain's pool and dispatch errors exactly as it maps a node's.
 */
class DevChainClientTest {
  private static final int NETUID = 1;
  private static final Duration FAST = TestChains.FAST;
  private static final TxOptions WAIT = TxOptions.DEFAULT.withTimeout(Duration.ofSeconds(30));

  private static SubstrateChainClient client(DevChain chain) {
    return new SubstrateChainClient(WebSocketJsonRpcTransport.connect(chain.url()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCommitmentFromDaveIsReadBackWithTheBlockItWasSetIn() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain)) {
      TxResult result = client.setCommitment(DAVE, NETUID, utf8("sub-1:sha-abc"), WAIT).orThrow();

      Optional<Commitment> commitment = client.commitment(NETUID, account(DAVE), BlockRef.best());
      assertThat(commitment).isPresent();
      assertThat(commitment.get().block()).isEqualTo(result.blockNumber().getAsLong());
      assertThat(commitment.get().firstRawText()).contains("sub-1:sha-abc");
      Map<ai.kinitro.common.chain.AccountId, Commitment> all = client.commitments(NETUID, BlockRef.best());
      assertThat(all).containsOnlyKeys(account(DAVE));
    }
  }

  @Test
  void aValidatorSetsWeightsAndTheChainStoresThemMaxUpscaledWithItsLastUpdate() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain);
         WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url())) {
      TxResult result = client.setWeights(BOB, NETUID, new int[] {3, 4}, new int[] {100, 50}, 0, WAIT).orThrow();

      String weightsKey = StorageKey.builder("SubtensorModule", "Weights").u16Key(StorageHasher.IDENTITY, NETUID)
          .u16Key(StorageHasher.IDENTITY, 1).build().toHex();
      String stored = rpc.call("state_getStorage", List.of(weightsKey)).asString();
      // 100 -> 65535 and 50 -> 32767.5, rounded half away from zero -> 32768 (I32F32 round).
      byte[] expected = ScaleWriter.encode(w -> w.compact(2).u16(3).u16(65535).u16(4).u16(32768));
      assertThat(stored).isEqualTo("0x" + HexFormat.of().formatHex(expected));
      Metagraph metagraph = client.metagraph(NETUID, BlockRef.best());
      assertThat(metagraph.byHotkey(account(BOB)).map(Neuron::lastUpdate)).contains(result.blockNumber().getAsLong());
      ChainWeights weights = client.weights(NETUID, BlockRef.best());
      assertThat(weights.rows()).isEqualTo(Map.of(1, List.of(new ChainWeights.Entry(3, 65535), new ChainWeights.Entry(4, 32768))));
      assertThat(weights.favourite(1)).contains(3);
      assertThat(weights.row(2)).isEmpty();
    }
  }

  @Test
  void aSecondWeightSetInsideTheRateLimitIsRefusedByThePoolWithCustomError6() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain)) {
      client.setWeights(BOB, NETUID, new int[] {3}, new int[] {1}, 0, WAIT).orThrow();

      assertThatThrownBy(() -> client.setWeights(BOB, NETUID, new int[] {4}, new int[] {1}, 0, WAIT))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED);
            assertThat(e.rpcCode()).isEqualTo(1010);
            assertThat(e.rpcMessage()).isEqualTo("Invalid Transaction");
            assertThat(e.dataText()).isEqualTo("Custom error: 6");
          });
    }
  }

  @Test
  void anUnregisteredHotkeyIsRefusedByTheRuntime() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain)) {
      TxResult commit = client.setCommitment(STRANGER, NETUID, utf8("x"), WAIT);
      TxResult weights = client.setWeights(STRANGER, NETUID, new int[] {3}, new int[] {1}, 0, WAIT);

      assertThat(commit.error()).hasValueSatisfying(e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED);
        assertThat(e.pallet() + "." + e.name()).isEqualTo("Commitments.AccountNotAllowedCommit");
      });
      assertThat(weights.error()).hasValueSatisfying(e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED);
        assertThat(e.pallet() + "." + e.name()).isEqualTo("SubtensorModule.HotKeyNotRegisteredInSubNet");
      });
      assertThat(client.commitment(NETUID, account(STRANGER), BlockRef.best())).isEmpty();
    }
  }

  @Test
  void aTamperedSignatureIsRefusedAsABadSignature() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain);
         WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url())) {
      SignedExtrinsic signed = client.sign(DAVE, "Commitments", "set_commitment",
          index -> Calls.setCommitment(index, NETUID, List.of(ai.kinitro.common.chain.CommitmentData.raw("x"))),
          TxOptions.DEFAULT);
      byte[] bytes = signed.encoded();
      bytes[bytes.length - 1] ^= 0x01; // the call's last byte: the signature no longer covers it

      assertThatThrownBy(() -> rpc.call("author_submitExtrinsic", List.of("0x" + HexFormat.of().formatHex(bytes))))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.rpcCode()).isEqualTo(1010);
            assertThat(e.dataText()).isEqualTo("Transaction has a bad signature");
          });
    }
  }

  @Test
  void aUsedNonceIsRefusedAsOutdated() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain)) {
      client.setCommitment(DAVE, NETUID, utf8("first"), WAIT).orThrow();

      assertThatThrownBy(() -> client.setCommitment(DAVE, NETUID, utf8("again"), WAIT.withNonce(0)))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_TRANSACTION_OUTDATED);
            assertThat(e.dataText()).isEqualTo("Transaction is outdated");
          });
    }
  }

  @Test
  void theClientWorksOverHttpWithoutSubscriptions() {
    try (DevChain chain = TestChains.fastWithLongRateLimit();
         SubstrateChainClient client = new SubstrateChainClient(
             new HttpJsonRpcTransport(chain.httpUrl(), Duration.ofSeconds(10)), Duration.ofMillis(100))) {
      TxResult result = client.setCommitment(EVE, NETUID, utf8("over-http"), WAIT).orThrow();

      assertThat(client.commitment(NETUID, account(EVE), BlockRef.best()))
          .hasValueSatisfying(c -> assertThat(c.block()).isEqualTo(result.blockNumber().getAsLong()));
    }
  }

  @Test
  void theChainRestartsFromItsDataDirectoryWithTheSameState(@TempDir Path data) {
    DevChainConfig config = DevChainConfig.forTests().withBlockTime(FAST).withDataDirectory(data);
    long committedAt;
    String hashOfCommitBlock;
    String genesis;
    try (DevChain chain = DevChain.start(config); SubstrateChainClient client = client(chain)) {
      committedAt = client.setCommitment(DAVE, NETUID, utf8("survives"), WAIT).orThrow().blockNumber().getAsLong();
      hashOfCommitBlock = client.blockHash(committedAt).toHex();
      genesis = client.blockHash(0).toHex();
    }

    try (DevChain chain = DevChain.start(config); SubstrateChainClient client = client(chain)) {
      assertThat(chain.bestNumber()).isGreaterThanOrEqualTo(committedAt);
      assertThat(client.blockHash(0).toHex()).isEqualTo(genesis);
      assertThat(client.blockHash(committedAt).toHex()).isEqualTo(hashOfCommitBlock);
      Optional<Commitment> commitment = client.commitment(NETUID, account(DAVE), BlockRef.best());
      assertThat(commitment).hasValueSatisfying(c -> {
        assertThat(c.block()).isEqualTo(committedAt);
        assertThat(c.firstRawText()).contains("survives");
      });
      assertThat(client.nextNonce(account(DAVE))).isEqualTo(1);
    }
  }

  @Test
  void theEpochGivesValidatorPermitsToTheTopStake() {
    try (DevChain chain = DevChain.start(DevChainConfig.forTests());
         WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url());
         SubstrateChainClient client = new SubstrateChainClient(rpc)) {
      rpc.call("dev_addStake", List.of("//Dave", "2000 TAO"));
      long nextEpoch = nextEpochStart(rpc);
      chain.advance((int) (nextEpoch - chain.bestNumber()));

      Metagraph metagraph = client.metagraph(NETUID, BlockRef.best());
      assertThat(metagraph.neurons()).extracting(Neuron::validatorPermit)
          .containsExactly(false, true, false, true, false, false);
    }
  }

  @Test
  void commitRevealV2RevealsInTheNextEpoch() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); WebSocketJsonRpcTransport rpc = WebSocketJsonRpcTransport.connect(chain.url());
         SubstrateChainClient client = new SubstrateChainClient(rpc)) {
      client.setCommitRevealEnabled(ALICE, NETUID, true, WAIT).orThrow();
      TxResult plain = client.setWeights(BOB, NETUID, new int[] {3}, new int[] {1}, 0, WAIT);
      assertThat(plain.error()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("CommitRevealEnabled"));

      int[] uids = {3, 4};
      int[] values = {65535, 32768};
      int[] salt = {1, 2, 3, 4, 5, 6, 7, 8};
      byte[] hash = WeightsCommitHash.compute(account(BOB), NETUID, uids, values, salt, 0);
      // Commit at the start of an epoch, so the early reveal below cannot slip into the next one.
      waitForBlock(chain, nextEpochStart(rpc));
      client.commitWeights(BOB, NETUID, hash, WAIT).orThrow();
      assertThatThrownBy(() -> client.revealWeights(BOB, NETUID, uids, values, salt, 0, WAIT))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_REVEAL_INVALID);
            assertThat(e.dataText()).isEqualTo("Custom error: 17");
          });

      long revealFrom = nextEpochStart(rpc);
      waitForBlock(chain, revealFrom);
      TxResult reveal = client.revealWeights(BOB, NETUID, uids, values, salt, 0, WAIT).orThrow();
      assertThat(reveal.succeeded()).isTrue();
    }
  }

  @Test
  void aNonOwnerCannotSwitchCommitReveal() {
    try (DevChain chain = TestChains.fastWithLongRateLimit(); SubstrateChainClient client = client(chain)) {
      TxResult result = client.setCommitRevealEnabled(BOB, NETUID, true, WAIT);

      assertThat(result.error()).hasValueSatisfying(e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_NOT_PERMITTED);
        assertThat(e.name()).isEqualTo("BadOrigin");
      });
      assertThat(client.subnetParams(NETUID, BlockRef.best()).commitRevealEnabled()).isFalse();
    }
  }

  private static long nextEpochStart(WebSocketJsonRpcTransport rpc) {
    String args = "0x" + HexFormat.of().formatHex(ScaleWriter.encode(w -> w.u16(NETUID)));
    String answer = rpc.call("state_call", List.of("SubnetInfoRuntimeApi_get_next_epoch_start_block", args)).asString();
    ScaleReader r = ScaleReader.of(HexFormat.of().parseHex(answer.substring(2)));
    assertThat(r.u8()).isEqualTo(1);
    return r.u64();
  }

  private static void waitForBlock(DevChain chain, long number) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (chain.bestNumber() < number) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("block " + number + " was not produced in time");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
