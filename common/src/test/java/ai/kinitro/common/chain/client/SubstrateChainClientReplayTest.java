package ai.kinitro.common.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.metadata.MetadataFixtures;
import ai.kinitro.common.chain.rpc.JsonRpcException;
import ai.kinitro.common.chain.rpc.ReplayTransport;
import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client against the hand-built sessions under {@code chain/rpc/} (see the README next to
 * the fixtures): each test checks both what the client asks and what it makes of the answers.
 */
class SubstrateChainClientReplayTest {
  static final AccountId ALICE = AccountId.fromHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  static final AccountId BOB = AccountId.fromHex("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
  static final AccountId CHARLIE = AccountId.fromHex("90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22");
  static final AccountId DAVE = AccountId.fromHex("306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20");

  /** Loads a session, replacing the metadata placeholders with the real blobs as hex. */
  static ReplayTransport session(String name) {
    try (InputStream in = Objects.requireNonNull(
        SubstrateChainClientReplayTest.class.getResourceAsStream("/chain/rpc/" + name), name)) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"@finney-metadata\"", "\"0x" + HexFormat.of().formatHex(MetadataFixtures.finneyBlob()) + "\"")
          .replace("\"@testnet-metadata\"", "\"0x" + HexFormat.of().formatHex(MetadataFixtures.testnetBlob()) + "\"");
      return ReplayTransport.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsAllCommitmentsInOnePagedReadAndDropsThoseOfDeregisteredHotkeys() {
    ReplayTransport replay = session("commitments-testnet.json");
    try (SubstrateChainClient client = new SubstrateChainClient(replay)) {
      Map<AccountId, Commitment> commitments = client.commitments(1, BlockRef.best());

      assertThat(commitments.keySet()).containsExactly(ALICE, BOB);
      assertThat(commitments.get(ALICE).block()).isEqualTo(3867900);
      assertThat(commitments.get(ALICE).firstRawText()).contains("provider:sub-123:comp-7");
      assertThat(commitments.get(BOB).fields()).containsExactly(CommitmentData.raw("hello"));
    }
    assertThat(replay.requests()).extracting(r -> r.get("method").asString()).containsSubsequence(
        "state_getKeysPaged", "state_queryStorageAt", "state_getKeysPaged", "state_queryStorageAt",
        "state_getKeysPaged", "state_queryStorageAt");
  }

  @Test
  void buildsTheCommitmentPrefixChainMdVerified() {
    ReplayTransport replay = session("commitments-testnet.json");
    try (SubstrateChainClient client = new SubstrateChainClient(replay)) {
      client.commitments(1, BlockRef.best());
    }
    assertThat(replay.requests().stream().filter(r -> r.get("method").asString().equals("state_getKeysPaged"))
        .map(r -> r.get("params").get(0).asString()).findFirst())
        .contains("0xca407206ec1ab726b2636c4b145ac287419a60ae8b01e6dcaebd7317e43c69bf0100");
  }

  @Test
  void readsOneHotkeysCommitmentWithItsBlock() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("commitments-testnet.json"))) {
      Optional<Commitment> alice = client.commitment(1, ALICE, BlockRef.best());
      assertThat(alice.map(Commitment::block)).contains(3867900L);
      assertThat(alice.flatMap(Commitment::firstRawText)).contains("provider:sub-123:comp-7");
    }
  }

  @Test
  void hidesTheCommitmentOfAHotkeyThatIsNotRegistered() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("commitments-testnet.json"))) {
      assertThat(client.commitment(1, CHARLIE, BlockRef.best())).isEmpty();
    }
  }

  @Test
  void hidesACommitmentMadeBeforeTheUidWasRegisteredAgain() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("commitments-testnet.json"))) {
      assertThat(client.commitment(1, DAVE, BlockRef.best())).isEmpty();
    }
  }

  @Test
  void reportsNewHeadsByNumber() {
    List<Long> heads = new ArrayList<>();
    try (SubstrateChainClient client = new SubstrateChainClient(session("commitments-testnet.json"))) {
      client.onNewHead(heads::add).close();
    }
    assertThat(heads).containsExactly(3867932L, 3867933L);
  }

  @Test
  void appliesTheMetadataDefaultsToSubnetParametersThatWereNeverWritten() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("subnet-finney.json"))) {
      SubnetParams params = client.subnetParams(1, BlockRef.number(4898328));
      assertThat(params).isEqualTo(new SubnetParams(1,
          new BlockId(4898328, BlockHash.fromHex("0x94c921cb6bd8ecc72a5f4df4d5d863dd75210745d6f046ab5ff2b52c394ef8fd")),
          360, 100, true, 1, 0, 1024, 1000, ALICE, Optional.empty()));
    }
  }

  @Test
  void fallsBackToRawStorageForTheMetagraphWhenTheRuntimeApiIsMissing() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("subnet-finney.json"))) {
      Metagraph metagraph = client.metagraph(1, BlockRef.number(4898328));
      assertThat(metagraph.source()).isEqualTo(Metagraph.Source.STORAGE);
      assertThat(metagraph.neurons()).containsExactly(
          new Neuron(0, ALICE, CHARLIE, true, true, 100, 4898000, 1_000_000_000L, 0, 1_000_000_000L),
          new Neuron(1, BOB, DAVE, true, false, 200, 0, 0, 0, 0));
    }
  }

  @Test
  void readsTheMetagraphThroughTheSelectiveMetagraphRuntimeApi() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("metagraph-testnet.json"))) {
      Metagraph metagraph = client.metagraph(1, BlockRef.best());
      assertThat(metagraph.source()).isEqualTo(Metagraph.Source.RUNTIME_API);
      assertThat(metagraph.block().number()).isEqualTo(3867931);
      assertThat(metagraph.neurons()).containsExactly(
          new Neuron(0, ALICE, CHARLIE, true, true, 100, 3867900, 5_000_000_000L, 0, 5_000_000_000L),
          new Neuron(1, BOB, DAVE, true, false, 200, 0, 0, 0, 0));
    }
  }

  @Test
  void reportsAMissingSubnetFromTheRuntimeApi() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("metagraph-testnet.json"))) {
      assertThatThrownBy(() -> client.metagraph(99, BlockRef.best()))
          .isInstanceOfSatisfying(KinitroException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_SUBNET_NOT_FOUND));
    }
  }

  @Test
  void submitsSetWeightsWatchesItIntoABlockAndNamesTheDispatchError() {
    ReplayTransport replay = session("set-weights-finney.json");
    try (SubstrateChainClient client = new SubstrateChainClient(replay)) {
      TxResult result = client.setWeights(new TestSigner(ALICE), 1, new int[] {0, 1}, new int[] {65535, 32768}, 0,
          TxOptions.DEFAULT);

      assertThat(result.status()).isEqualTo(TxResult.Status.IN_BLOCK);
      assertThat(result.blockNumber()).hasValue(4898329);
      assertThat(result.blockHash()).contains(BlockHash.fromHex("0x" + "22".repeat(32)));
      assertThat(result.error()).get().satisfies(error -> {
        assertThat(error.code()).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED);
        assertThat(error.name()).isEqualTo("SettingWeightsTooFast");
      });
      assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(KinitroException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED));
    }
    assertThat(replay.unused()).isEmpty();
  }

  @Test
  void surfacesAPoolRejectionWithItsSpecificCodeAndTheNodesText() {
    try (SubstrateChainClient client = new SubstrateChainClient(session("set-weights-pool-error.json"))) {
      assertThatThrownBy(() -> client.setWeights(new TestSigner(ALICE), 1, new int[] {0, 1},
          new int[] {65535, 32768}, 0, TxOptions.DEFAULT.withNonce(7)))
          .isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED);
            assertThat(e.rpcCode()).isEqualTo(1010);
            assertThat(e.dataText()).isEqualTo("Custom error: 6");
          });
    }
  }

  /** Signs with a fixed 64-byte pattern so extrinsic bytes are reproducible (layout tests only). */
  record TestSigner(AccountId account) implements Signer {
    @Override
    public byte[] publicKey() {
      return account.bytes();
    }

    @Override
    public byte[] sign(byte[] message) {
      byte[] signature = new byte[64];
      java.util.Arrays.fill(signature, (byte) 0xab);
      return signature;
    }
  }
}
