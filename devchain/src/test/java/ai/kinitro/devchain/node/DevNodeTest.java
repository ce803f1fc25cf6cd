package ai.kinitro.devchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.Calls;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.Era;
import ai.kinitro.common.chain.ExtrinsicBuilder;
import ai.kinitro.common.chain.SignedExtrinsic;
import ai.kinitro.common.chain.SigningParams;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.runtime.RuntimeVersion;
import ai.kinitro.devchain.store.ChainStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transaction pool, driven with extrinsics signed by common's builder. */
class DevNodeTest {
  private static final Sr25519KeyPair DAVE = SecretUri.parse("//Dave");
  private final DevNode node = DevNode.open(GenesisParser.defaultGenesis(), ChainStore.inMemory());

  @AfterEach
  void close() {
    node.close();
  }

  private SignedExtrinsic commitment(long nonce, String text) {
    SigningParams params = SigningParams.immortal(RuntimeVersion.SPEC_VERSION, RuntimeVersion.TRANSACTION_VERSION,
        node.genesisHash().bytes(), nonce, 0);
    return ExtrinsicBuilder.sign(Calls.setCommitment(1, List.of(CommitmentData.raw(text))), params, DAVE);
  }

  private Submission submit(SignedExtrinsic xt, List<TxStatus> statuses) {
    return node.submit(xt.encoded(), Optional.of(statuses::add));
  }

  @Test
  void aFutureNonceWaitsInThePoolUntilTheGapIsFilled() throws Exception {
    List<TxStatus> later = new CopyOnWriteArrayList<>();
    List<TxStatus> first = new CopyOnWriteArrayList<>();

    assertThat(submit(commitment(1, "second"), later)).isInstanceOfSatisfying(Submission.Accepted.class,
        a -> assertThat(a.initialStatus().kind()).isEqualTo(TxStatus.Kind.FUTURE));
    assertThat(node.produceBlocks(1).extrinsics()).isEmpty();
    submit(commitment(0, "first"), first);
    BlockRecord block = node.produceBlocks(1);

    assertThat(block.extrinsics()).hasSize(2);
    assertThat(node.accountNextIndex(new ai.kinitro.common.chain.AccountId(DAVE.publicKey()))).isEqualTo(2);
    long deadline = System.nanoTime() + 10_000_000_000L; // statuses arrive on the node's notifier thread
    while (later.size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(later).extracting(TxStatus::kind).containsExactly(TxStatus.Kind.FUTURE, TxStatus.Kind.READY,
        TxStatus.Kind.IN_BLOCK, TxStatus.Kind.FINALIZED);
    assertThat(later.get(2).block()).contains(block.hash());
  }

  @Test
  void theSameExtrinsicTwiceIsAlreadyImported() {
    SignedExtrinsic xt = commitment(0, "once");
    node.submit(xt.encoded(), Optional.empty());

    assertThat(node.submit(xt.encoded(), Optional.empty())).isInstanceOfSatisfying(Submission.Rejected.class,
        r -> assertThat(r.rejection().rpcCode()).isEqualTo(1013));
  }

  @Test
  void anEraBornInTheFutureHasAnAncientBirthBlock() {
    SigningParams params = new SigningParams(RuntimeVersion.SPEC_VERSION, RuntimeVersion.TRANSACTION_VERSION,
        node.genesisHash().bytes(), Era.mortal(64, 40), node.genesisHash().bytes(), 0, 0);
    SignedExtrinsic xt = ExtrinsicBuilder.sign(Calls.setCommitment(1, List.of(CommitmentData.raw("x"))), params, DAVE);

    assertThat(node.submit(xt.encoded(), Optional.empty())).isInstanceOfSatisfying(Submission.Rejected.class,
        r -> assertThat(r.rejection().data()).contains("Transaction has an ancient birth block"));
  }

  @Test
  void aMortalTransactionSignedWithItsBirthBlockHashIsAccepted() {
    node.produceBlocks(3);
    Hash birth = node.hashOf(3).orElseThrow();
    SigningParams params = new SigningParams(RuntimeVersion.SPEC_VERSION, RuntimeVersion.TRANSACTION_VERSION,
        node.genesisHash().bytes(), Era.mortal(64, 3), birth.bytes(), 0, 0);
    SignedExtrinsic xt = ExtrinsicBuilder.sign(Calls.setCommitment(1, List.of(CommitmentData.raw("x"))), params, DAVE);

    assertThat(node.submit(xt.encoded(), Optional.empty())).isInstanceOf(Submission.Accepted.class);
    assertThat(node.produceBlocks(1).extrinsics()).hasSize(1);
  }

  @Test
  void bytesThatAreNotAnExtrinsicAreABadFormat() {
    assertThat(node.submit(new byte[] {0x08, 0x04, 0x00}, Optional.empty()))
        .isInstanceOfSatisfying(Submission.Rejected.class, r -> assertThat(r.rejection().rpcCode()).isEqualTo(1001));
  }
}
