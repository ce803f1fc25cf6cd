package ai.kinitro.devchain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.WeightsCommitHash;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisParser;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The runtime's rules on the bundled genesis (netuid 1, tempo 20; uids Alice 0, Bob 1, Charlie 2, Dave 3, Eve 4, Ferdie 5). */
class SubtensorRuntimeTest {
  private static final AccountId BOB = key("//Bob");
  private static final AccountId DAVE = key("//Dave");
  private static final AccountId STRANGER = key("//Stranger");

  private final Genesis genesis = GenesisParser.defaultGenesis();

  private static AccountId key(String uri) {
    return new AccountId(SecretUri.parse(uri).publicKey());
  }

  private SubtensorRuntime runtime(SubnetParams params) {
    Genesis g = new Genesis(genesis.chainName(), genesis.netuid(), genesis.blockTime(), params, genesis.ownerColdkey(),
        genesis.ownerHotkey(), genesis.neurons());
    SubtensorRuntime runtime = new SubtensorRuntime(ChainState.fromGenesis(g));
    runtime.initializeBlock(1);
    return runtime;
  }

  private SubtensorRuntime runtime() {
    return runtime(genesis.params());
  }

  private static Optional<String> setWeights(SubtensorRuntime r, AccountId who, List<Integer> uids, List<Integer> values,
      long versionKey) {
    return r.dispatch(who, new RuntimeCall.SetWeights(1, 0, uids, values, versionKey), 0).map(SubtensorRuntimeTest::name);
  }

  private static String name(DispatchError error) {
    return error instanceof DispatchError.Module m ? m.name() : error.describe();
  }

  @Test
  void theEpochRunsWhenBlockPlusNetuidPlusOneIsAMultipleOfTempoPlusOne() {
    SubtensorRuntime r = runtime();

    assertThat(IntStream.rangeClosed(1, 70).filter(r::shouldRunEpoch).boxed().toList()).containsExactly(19, 40, 61);
  }

  @Test
  void theEpochGivesPermitsToTheTopStakeOnly() {
    SubtensorRuntime r = runtime();
    r.addStake(DAVE, 3_000_000_000_000L);

    r.initializeBlock(19);

    assertThat(r.state().subnet().neurons()).extracting(Neuron::validatorPermit)
        .containsExactly(false, true, false, true, false, false);
    assertThat(r.state().subnet().epochIndex()).isEqualTo(1);
  }

  @Test
  void aMinerWithoutPermitMaySetOnlyASelfWeight() {
    SubtensorRuntime r = runtime();

    assertThat(setWeights(r, DAVE, List.of(3, 4), List.of(1, 1), 0)).contains("NeuronNoValidatorPermit");
    assertThat(setWeights(r, DAVE, List.of(3), List.of(1), 0)).isEmpty();
  }

  @Test
  void duplicateAndUnknownUidsAreRefused() {
    assertThat(setWeights(runtime(), BOB, List.of(3, 3), List.of(1, 1), 0)).contains("DuplicateUids");
    assertThat(setWeights(runtime(), BOB, List.of(3, 9), List.of(1, 1), 0)).contains("UidVecContainInvalidOne");
    assertThat(setWeights(runtime(), BOB, List.of(3), List.of(1, 1), 0)).contains("WeightVecNotEqualSize");
  }

  @Test
  void tooFewWeightsALowVersionKeyAndAnOverweightUidAreRefused() {
    SubnetParams strict = new SubnetParams(20, 10, false, 1, 5, 3, 40000, 2, 256, 100, 0, 3100);

    assertThat(setWeights(runtime(strict), BOB, List.of(3, 4), List.of(1, 1), 5)).contains("WeightVecLengthIsLow");
    assertThat(setWeights(runtime(strict), BOB, List.of(3, 4, 5), List.of(1, 1, 1), 4))
        .contains("IncorrectWeightVersionKey");
    assertThat(setWeights(runtime(strict), BOB, List.of(3, 4, 5), List.of(8, 1, 1), 5)).contains("MaxWeightExceeded");
    assertThat(setWeights(runtime(strict), BOB, List.of(3, 4, 5), List.of(1, 1, 1), 5)).isEmpty();
  }

  @Test
  void weightsWithinTheRateLimitAreRefusedAtDispatchAndInThePool() {
    SubtensorRuntime r = runtime();
    assertThat(setWeights(r, BOB, List.of(3), List.of(1), 0)).isEmpty();
    r.initializeBlock(5);

    assertThat(setWeights(r, BOB, List.of(4), List.of(1), 0)).contains("SettingWeightsTooFast");
    assertThat(r.validate(BOB, new RuntimeCall.SetWeights(1, 0, List.of(4), List.of(1), 0), r.currentContext()))
        .hasValueSatisfying(rej -> assertThat(rej.data()).contains("Custom error: 6"));
    r.initializeBlock(11);
    assertThat(setWeights(r, BOB, List.of(4), List.of(1), 0)).isEmpty();
  }

  @Test
  void anUnregisteredHotkeyPassesThePoolButFailsAtDispatch() {
    SubtensorRuntime r = runtime();
    RuntimeCall call = new RuntimeCall.SetWeights(1, 0, List.of(3), List.of(1), 0);

    assertThat(r.validate(STRANGER, call, r.currentContext())).isEmpty();
    assertThat(r.dispatch(STRANGER, call, 0).map(SubtensorRuntimeTest::name)).contains("HotKeyNotRegisteredInSubNet");
  }

  @Test
  void commitmentsCostAtLeast100BytesOfA3100ByteBudgetPerEpoch() {
    SubtensorRuntime r = runtime();
    RuntimeCall small = new RuntimeCall.SetCommitment(1, List.of(CommitmentData.raw("x")));
    for (int i = 0; i < 31; i++) {
      assertThat(r.dispatch(DAVE, small, 0)).isEmpty();
    }

    assertThat(r.dispatch(DAVE, small, 0).map(SubtensorRuntimeTest::name)).contains("SpaceLimitExceeded");
    r.initializeBlock(19);
    assertThat(r.dispatch(DAVE, small, 0)).isEmpty();
    assertThat(r.state().subnet().commitments().get(DAVE).block()).isEqualTo(19);
  }

  @Test
  void aV2CommitIsRevealedOnlyInTheEpochAfterIt() {
    SubtensorRuntime r = runtime(SubnetParams.defaults().withCommitRevealEnabled(true));
    List<Integer> uids = List.of(3, 4);
    List<Integer> values = List.of(65535, 100);
    List<Integer> salt = List.of(9, 9);
    byte[] hash = WeightsCommitHash.compute(BOB, 1, new int[] {3, 4}, new int[] {65535, 100}, new int[] {9, 9}, 0);
    RuntimeCall.RevealWeights reveal = new RuntimeCall.RevealWeights(1, 0, uids, values, salt, 0);

    assertThat(r.dispatch(BOB, new RuntimeCall.CommitWeights(1, 0, hash), 0)).isEmpty();
    assertThat(r.dispatch(BOB, reveal, 0).map(SubtensorRuntimeTest::name)).contains("RevealTooEarly");
    r.initializeBlock(19);
    assertThat(r.dispatch(BOB, reveal, 0)).isEmpty();
    assertThat(r.state().subnet().neuron(1).weights()).containsExactly(new WeightEntry(3, 65535), new WeightEntry(4, 100));
    assertThat(r.state().subnet().weightCommits(BOB)).isEmpty();
  }

  @Test
  void anUnrevealedCommitExpiresAfterItsRevealEpoch() {
    SubtensorRuntime r = runtime(SubnetParams.defaults().withCommitRevealEnabled(true));
    byte[] hash = WeightsCommitHash.compute(BOB, 1, new int[] {3}, new int[] {1}, new int[] {1}, 0);
    r.dispatch(BOB, new RuntimeCall.CommitWeights(1, 0, hash), 0);

    r.initializeBlock(19);
    r.initializeBlock(40);

    assertThat(r.dispatch(BOB, new RuntimeCall.RevealWeights(1, 0, List.of(3), List.of(1), List.of(1), 0), 0)
        .map(SubtensorRuntimeTest::name)).contains("ExpiredWeightCommit");
  }
}
