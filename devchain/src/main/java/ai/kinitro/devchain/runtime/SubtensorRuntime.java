package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.chain.WeightsCommitHash;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The dev chain's runtime logic over a {@link ChainState}: block initialisation (epochs and
 * validator permits), the transaction-pool checks subtensor's transaction extension makes, and the
 * dispatch of each supported call with subtensor's rules, in subtensor's order, with subtensor's
 * error names (chain.md §5).
 */
public final class SubtensorRuntime {
  /** At most this many unrevealed v2 commits per hotkey. */
  public static final int MAX_UNREVEALED_COMMITS = 10;
  /** Every commitment costs at least this many bytes of the epoch budget. */
  public static final long MIN_COMMITMENT_SPACE = 100;

  private final ChainState state;

  public SubtensorRuntime(ChainState state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  public ChainState state() {
    return state;
  }

  /** The block and epoch a call is judged in. */
  public record Context(long block, long epoch) {}

  /** The context of the next block, for pool validation between blocks. */
  public Context nextBlockContext() {
    long next = state.blockNumber() + 1;
    long epoch = state.subnet().epochIndex() + (shouldRunEpoch(next) ? 1 : 0);
    return new Context(next, epoch);
  }

  /** The context of the block being built (after {@link #initializeBlock}). */
  public Context currentContext() {
    return new Context(state.blockNumber(), state.subnet().epochIndex());
  }

  /** The classic epoch rule: {@code (block + netuid + 1) % (tempo + 1) == 0}; tempo 0 never runs. */
  public boolean shouldRunEpoch(long block) {
    int tempo = state.subnet().params().tempo();
    return tempo != 0 && (block + state.subnet().netuid() + 1) % (tempo + 1) == 0;
  }

  /** The first block after {@code block} in which the epoch runs. */
  public long nextEpochBlock(long block) {
    int tempo = state.subnet().params().tempo();
    if (tempo == 0) {
      return Long.MAX_VALUE;
    }
    long b = block + 1;
    while (!shouldRunEpoch(b)) {
      b++;
    }
    return b;
  }

  /**
   * Starts block {@code number}: clears the events and, when the epoch runs, advances the epoch
   * index and gives validator permits to the top-stake uids.
   */
  public void initializeBlock(long number) {
    state.setBlockNumber(number);
    state.clearEvents();
    if (shouldRunEpoch(number)) {
      SubnetState subnet = state.subnet();
      subnet.setEpoch(subnet.epochIndex() + 1, number);
      recomputePermits();
    }
  }

  /**
   * Validator permits: the {@code MaxAllowedValidators} uids with the most stake (non-zero and at
   * least {@code StakeThreshold}), ties to the lower uid.
   */
  void recomputePermits() {
    SubnetState subnet = state.subnet();
    SubnetParams p = subnet.params();
    Set<Integer> top = new HashSet<>(IntStream.range(0, subnet.size()).boxed()
        .filter(uid -> subnet.neuron(uid).stake() > 0 && subnet.neuron(uid).stake() >= p.stakeThreshold())
        .sorted(Comparator.comparingLong((Integer uid) -> subnet.neuron(uid).stake()).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .limit(p.maxAllowedValidators())
        .toList());
    for (int uid = 0; uid < subnet.size(); uid++) {
      subnet.setNeuron(uid, subnet.neuron(uid).withValidatorPermit(top.contains(uid)));
    }
  }

  // ------------------------------------------------------------------ pool checks

  /**
   * What subtensor's transaction extension checks before a call may enter the pool or a block
   * (minimum stake, rate limits while commit-reveal is off, reveal windows), as a custom error.
   */
  public Optional<Rejection> validate(AccountId who, RuntimeCall call, Context ctx) {
    return extensionCheck(who, call, ctx).map(error -> Rejection.custom(CustomTxError.from(error)));
  }

  private Optional<SubtensorError> extensionCheck(AccountId who, RuntimeCall call, Context ctx) {
    SubnetState subnet = state.subnet();
    switch (call) {
      case RuntimeCall.SetWeights c -> {
        if (!hasMinStake(who, c.netuid())) {
          return Optional.of(SubtensorError.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS);
        }
        if (!commitRevealEnabled(c.netuid()) && !passesRateLimitIfRegistered(who, c.netuid(), ctx)) {
          return Optional.of(SubtensorError.SETTING_WEIGHTS_TOO_FAST);
        }
      }
      case RuntimeCall.CommitWeights c -> {
        if (!hasMinStake(who, c.netuid())) {
          return Optional.of(SubtensorError.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS);
        }
        if (!passesRateLimitIfRegistered(who, c.netuid(), ctx)) {
          return Optional.of(SubtensorError.COMMITTING_WEIGHTS_TOO_FAST);
        }
      }
      case RuntimeCall.RevealWeights c -> {
        if (!hasMinStake(who, c.netuid())) {
          return Optional.of(SubtensorError.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS);
        }
        List<WeightCommit> commits = c.netuid() == subnet.netuid() ? subnet.weightCommits(who) : List.of();
        byte[] hash = revealHash(who, c);
        Optional<WeightCommit> match = commits.stream().filter(x -> x.hashEquals(hash)).findFirst();
        if (match.isEmpty()) {
          return Optional.of(SubtensorError.NO_WEIGHTS_COMMIT_FOUND);
        }
        if (!inRevealWindow(match.get(), ctx)) {
          return Optional.of(SubtensorError.REVEAL_TOO_EARLY);
        }
      }
      case RuntimeCall.SetCommitment c -> { }
      case RuntimeCall.SetCommitRevealEnabled c -> { }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ dispatch

  /**
   * Dispatches {@code call} signed by {@code who} in the block being built. On success the call's
   * events are deposited for extrinsic {@code index}; on failure nothing changes and the error is
   * returned (the node then deposits {@code ExtrinsicFailed}).
   */
  public Optional<DispatchError> dispatch(AccountId who, RuntimeCall call, int index) {
    Context ctx = currentContext();
    List<RuntimeEvent> events = new ArrayList<>();
    Optional<DispatchError> result = switch (call) {
      case RuntimeCall.SetCommitment c -> setCommitment(who, c, ctx, events);
      case RuntimeCall.SetWeights c -> commitRevealEnabled(c.netuid())
          ? fail(SubtensorError.COMMIT_REVEAL_ENABLED)
          : setWeights(who, c.netuid(), c.mechanismId(), c.uids(), c.values(), c.versionKey(), ctx, events);
      case RuntimeCall.CommitWeights c -> commitWeights(who, c, ctx, events);
      case RuntimeCall.RevealWeights c -> revealWeights(who, c, ctx, events);
      case RuntimeCall.SetCommitRevealEnabled c -> setCommitRevealEnabled(who, c, events);
    };
    if (result.isEmpty()) {
      events.forEach(e -> state.deposit(new EventRecord(index, e)));
    }
    return result;
  }

  private Optional<DispatchError> setCommitment(
      AccountId who, RuntimeCall.SetCommitment c, Context ctx, List<RuntimeEvent> events) {
    SubnetState subnet = state.subnet();
    if (c.netuid() != subnet.netuid() || subnet.uidOf(who).isEmpty()) {
      return Optional.of(CommitmentsError.ACCOUNT_NOT_ALLOWED_COMMIT.dispatchError());
    }
    if (c.fields().size() > CommitmentRegistration.MAX_FIELDS) {
      return Optional.of(CommitmentsError.TOO_MANY_FIELDS_IN_COMMITMENT_INFO.dispatchError());
    }
    long required = Math.max(MIN_COMMITMENT_SPACE, c.fields().stream().mapToLong(SubtensorRuntime::spaceOf).sum());
    UsedSpace usage = subnet.usedSpace(who).orElse(new UsedSpace(0, 0));
    if (usage.lastEpoch() != ctx.epoch()) {
      usage = new UsedSpace(ctx.epoch(), 0);
    }
    if (usage.usedSpace() + required > subnet.params().maxSpace()) {
      return Optional.of(CommitmentsError.SPACE_LIMIT_EXCEEDED.dispatchError());
    }
    subnet.putUsedSpace(who, new UsedSpace(usage.lastEpoch(), usage.usedSpace() + required));
    subnet.putCommitment(who, new CommitmentRegistration(0, ctx.block(), c.fields()));
    Optional<CommitmentData.TimelockEncrypted> timelock = c.fields().stream()
        .filter(CommitmentData.TimelockEncrypted.class::isInstance).map(CommitmentData.TimelockEncrypted.class::cast)
        .findFirst();
    events.add(timelock.<RuntimeEvent>map(t -> new RuntimeEvent.TimelockCommitment(c.netuid(), who, t.revealRound()))
        .orElseGet(() -> new RuntimeEvent.Commitment(c.netuid(), who)));
    return Optional.empty();
  }

  /** {@code Data::len_for_rate_limit}: the bytes a field counts against the budget. */
  static long spaceOf(CommitmentData field) {
    return switch (field) {
      case CommitmentData.None n -> 0;
      case CommitmentData.Raw r -> r.bytes().length;
      case CommitmentData.Hash h -> CommitmentData.HASH_LENGTH;
      case CommitmentData.TimelockEncrypted t -> t.encrypted().length;
      case CommitmentData.ResetBondsFlag f -> 0;
      case CommitmentData.BigRaw b -> b.bytes().length;
    };
  }

  /** {@code internal_set_weights}: every rule of chain.md §5 in subtensor's order. */
  private Optional<DispatchError> setWeights(AccountId who, int netuid, int mechanismId, List<Integer> uids,
      List<Integer> values, long versionKey, Context ctx, List<RuntimeEvent> events) {
    SubnetState subnet = state.subnet();
    if (netuid == 0) {
      return fail(SubtensorError.CAN_NOT_SET_ROOT_NETWORK_WEIGHTS);
    }
    if (uids.size() != values.size()) {
      return fail(SubtensorError.WEIGHT_VEC_NOT_EQUAL_SIZE);
    }
    if (netuid != subnet.netuid() || mechanismId != 0) {
      return fail(SubtensorError.MECHANISM_DOES_NOT_EXIST);
    }
    if (uids.size() > subnet.size()) {
      return fail(SubtensorError.UIDS_LENGTH_EXCEED_UIDS_IN_SUB_NET);
    }
    OptionalInt maybeUid = subnet.uidOf(who);
    if (maybeUid.isEmpty()) {
      return fail(SubtensorError.HOT_KEY_NOT_REGISTERED_IN_SUB_NET);
    }
    int uid = maybeUid.getAsInt();
    if (!hasMinStake(who, netuid)) {
      return fail(SubtensorError.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS);
    }
    long requiredKey = subnet.params().weightsVersionKey();
    if (requiredKey != 0 && Long.compareUnsigned(versionKey, requiredKey) < 0) {
      return fail(SubtensorError.INCORRECT_WEIGHT_VERSION_KEY);
    }
    boolean commitReveal = subnet.params().commitRevealEnabled();
    if (!commitReveal && !passesRateLimit(uid, ctx.block())) {
      return fail(SubtensorError.SETTING_WEIGHTS_TOO_FAST);
    }
    boolean selfWeight = values.size() == 1 && uids.getFirst() == uid;
    boolean isOwner = subnet.ownerUid().isPresent() && subnet.ownerUid().getAsInt() == uid;
    if (!selfWeight && !isOwner && !subnet.neuron(uid).validatorPermit()) {
      return fail(SubtensorError.NEURON_NO_VALIDATOR_PERMIT);
    }
    if (new HashSet<>(uids).size() != uids.size()) {
      return fail(SubtensorError.DUPLICATE_UIDS);
    }
    if (uids.stream().anyMatch(u -> u >= subnet.size())) {
      return fail(SubtensorError.UID_VEC_CONTAIN_INVALID_ONE);
    }
    int minAllowed = Math.min(subnet.params().minAllowedWeights(), subnet.size());
    if (!selfWeight && values.size() < minAllowed) {
      return fail(SubtensorError.WEIGHT_VEC_LENGTH_IS_LOW);
    }
    List<Integer> upscaled = WeightMath.maxUpscale(values);
    if (!selfWeight && subnet.params().maxWeightsLimit() != 0xFFFF
        && !WeightMath.maxLimited(upscaled, subnet.params().maxWeightsLimit())) {
      return fail(SubtensorError.MAX_WEIGHT_EXCEEDED);
    }
    List<WeightEntry> stored = IntStream.range(0, uids.size())
        .mapToObj(i -> new WeightEntry(uids.get(i), upscaled.get(i))).toList();
    Neuron updated = subnet.neuron(uid).withWeights(stored);
    if (!commitReveal) {
      updated = updated.withLastUpdate(ctx.block());
    }
    subnet.setNeuron(uid, updated);
    events.add(new RuntimeEvent.WeightsSet(storageIndex(netuid, mechanismId), uid));
    return Optional.empty();
  }

  /** {@code internal_commit_weights}: v2 hash commit. */
  private Optional<DispatchError> commitWeights(
      AccountId who, RuntimeCall.CommitWeights c, Context ctx, List<RuntimeEvent> events) {
    SubnetState subnet = state.subnet();
    if (c.netuid() != subnet.netuid() || c.mechanismId() != 0) {
      return fail(SubtensorError.MECHANISM_DOES_NOT_EXIST);
    }
    if (!subnet.params().commitRevealEnabled()) {
      return fail(SubtensorError.COMMIT_REVEAL_DISABLED);
    }
    OptionalInt uid = subnet.uidOf(who);
    if (uid.isEmpty()) {
      return fail(SubtensorError.HOT_KEY_NOT_REGISTERED_IN_SUB_NET);
    }
    if (!passesRateLimit(uid.getAsInt(), ctx.block())) {
      return fail(SubtensorError.COMMITTING_WEIGHTS_TOO_FAST);
    }
    List<WeightCommit> commits = new ArrayList<>(subnet.weightCommits(who));
    while (!commits.isEmpty() && expired(commits.getFirst(), ctx)) {
      commits.removeFirst();
    }
    if (commits.size() >= MAX_UNREVEALED_COMMITS) {
      return fail(SubtensorError.TOO_MANY_UNREVEALED_COMMITS);
    }
    commits.add(new WeightCommit(c.hash(), ctx.epoch(), ctx.block()));
    subnet.setWeightCommits(who, commits);
    subnet.setNeuron(uid.getAsInt(), subnet.neuron(uid.getAsInt()).withLastUpdate(ctx.block()));
    events.add(new RuntimeEvent.WeightsCommitted(who, storageIndex(c.netuid(), c.mechanismId()), c.hash()));
    return Optional.empty();
  }

  /** {@code internal_reveal_weights}: match a commit, check its window, then set the weights. */
  private Optional<DispatchError> revealWeights(
      AccountId who, RuntimeCall.RevealWeights c, Context ctx, List<RuntimeEvent> events) {
    SubnetState subnet = state.subnet();
    if (!commitRevealEnabled(c.netuid())) {
      return fail(SubtensorError.COMMIT_REVEAL_DISABLED);
    }
    List<WeightCommit> commits = new ArrayList<>(c.netuid() == subnet.netuid() ? subnet.weightCommits(who) : List.of());
    if (commits.isEmpty()) {
      return fail(SubtensorError.NO_WEIGHTS_COMMIT_FOUND);
    }
    List<WeightCommit> expiredCommits = new ArrayList<>();
    while (!commits.isEmpty() && expired(commits.getFirst(), ctx)) {
      expiredCommits.add(commits.removeFirst());
    }
    byte[] provided = revealHash(who, c);
    boolean matchesExpired = expiredCommits.stream().anyMatch(x -> x.hashEquals(provided));
    if (commits.isEmpty()) {
      return fail(matchesExpired ? SubtensorError.EXPIRED_WEIGHT_COMMIT : SubtensorError.NO_WEIGHTS_COMMIT_FOUND);
    }
    int position = IntStream.range(0, commits.size()).filter(i -> commits.get(i).hashEquals(provided))
        .findFirst().orElse(-1);
    if (position < 0) {
      return fail(matchesExpired ? SubtensorError.EXPIRED_WEIGHT_COMMIT
          : SubtensorError.INVALID_REVEAL_COMMIT_HASH_NOT_MATCH);
    }
    if (!inRevealWindow(commits.get(position), ctx)) {
      return fail(SubtensorError.REVEAL_TOO_EARLY);
    }
    List<RuntimeEvent> setEvents = new ArrayList<>();
    Optional<DispatchError> set = setWeights(who, c.netuid(), c.mechanismId(), c.uids(), c.values(), c.versionKey(),
        ctx, setEvents);
    if (set.isPresent()) {
      return set;
    }
    subnet.setWeightCommits(who, commits.subList(position + 1, commits.size()));
    events.addAll(setEvents);
    events.add(new RuntimeEvent.WeightsRevealed(who, storageIndex(c.netuid(), c.mechanismId()), provided));
    return Optional.empty();
  }

  private Optional<DispatchError> setCommitRevealEnabled(
      AccountId who, RuntimeCall.SetCommitRevealEnabled c, List<RuntimeEvent> events) {
    SubnetState subnet = state.subnet();
    boolean exists = c.netuid() == subnet.netuid();
    if (!exists || !subnet.ownerColdkey().equals(who)) {
      // ensure_subnet_owner_or_root compares with SubnetOwner(netuid), which is the zero account for a missing subnet.
      return Optional.of(new DispatchError.BadOrigin());
    }
    subnet.setParams(subnet.params().withCommitRevealEnabled(c.enabled()));
    events.add(new RuntimeEvent.CommitRevealEnabled(c.netuid(), c.enabled()));
    return Optional.empty();
  }

  // ------------------------------------------------------------------ dev operations

  /**
   * Refuses a dev registration that cannot succeed in block {@code block}: an already registered
   * hotkey, negative stake, or a full subnet whose neurons are all immune.
   */
  public void checkRegistration(AccountId hotkey, long stake, long block) {
    SubnetState subnet = state.subnet();
    if (subnet.uidOf(hotkey).isPresent()) {
      throw rejected("hotkey " + hotkey + " is already registered as uid " + subnet.uidOf(hotkey).getAsInt());
    }
    if (stake < 0) {
      throw rejected("stake must not be negative, got " + stake);
    }
    if (subnet.size() >= subnet.params().maxAllowedUids() && replaceable(block).isEmpty()) {
      throw rejected("the subnet is full (" + subnet.size() + " uids) and every neuron is still immune; wait "
          + subnet.params().immunityPeriod() + " blocks after the last registration");
    }
  }

  /**
   * Registers {@code hotkey} in the block being built (dev RPC): appends a uid, or on a full
   * subnet replaces the non-immune neuron with the least stake (the dev chain's stand-in for the
   * pruning score; the owner's hotkey is never replaced). Returns the uid.
   */
  public int registerNeuron(AccountId hotkey, AccountId coldkey, long stake) {
    long block = state.blockNumber();
    checkRegistration(hotkey, stake, block);
    SubnetState subnet = state.subnet();
    Neuron fresh = Neuron.registered(hotkey, coldkey, stake, block);
    int uid;
    if (subnet.size() < subnet.params().maxAllowedUids()) {
      uid = subnet.appendNeuron(fresh);
    } else {
      uid = replaceable(block).orElseThrow();
      subnet.setNeuron(uid, fresh);
    }
    state.deposit(EventRecord.initialization(new RuntimeEvent.NeuronRegistered(subnet.netuid(), uid, hotkey)));
    return uid;
  }

  private OptionalInt replaceable(long block) {
    SubnetState subnet = state.subnet();
    return IntStream.range(0, subnet.size())
        .filter(u -> !subnet.neuron(u).hotkey().equals(subnet.ownerHotkey()))
        .filter(u -> block - subnet.neuron(u).registeredAt() >= subnet.params().immunityPeriod())
        .boxed()
        .min(Comparator.comparingLong((Integer u) -> subnet.neuron(u).stake()).thenComparing(Comparator.naturalOrder()))
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  /** Refuses adding stake to an unregistered hotkey or a non-positive amount. */
  public void checkAddStake(AccountId hotkey, long amount) {
    if (state.subnet().uidOf(hotkey).isEmpty()) {
      throw rejected("hotkey " + hotkey + " is not registered on netuid " + state.subnet().netuid());
    }
    if (amount <= 0) {
      throw rejected("the stake to add must be positive, got " + amount);
    }
  }

  /** Adds {@code amount} rao of stake to a registered hotkey in the block being built (dev RPC). Returns the new stake. */
  public long addStake(AccountId hotkey, long amount) {
    checkAddStake(hotkey, amount);
    SubnetState subnet = state.subnet();
    int uid = subnet.uidOf(hotkey).getAsInt();
    Neuron neuron = subnet.neuron(uid);
    long total = Math.addExact(neuron.stake(), amount);
    subnet.setNeuron(uid, neuron.withStake(total));
    state.deposit(EventRecord.initialization(
        new RuntimeEvent.StakeAdded(neuron.coldkey(), hotkey, amount, amount, subnet.netuid())));
    return total;
  }

  // ------------------------------------------------------------------ helpers

  private boolean commitRevealEnabled(int netuid) {
    // CommitRevealWeightsEnabled is a ValueQuery defaulting to true, also for a missing subnet.
    return netuid != state.subnet().netuid() || state.subnet().params().commitRevealEnabled();
  }

  /** {@code check_weights_min_stake}: the owner's uid is exempt; others need stake >= StakeThreshold. */
  private boolean hasMinStake(AccountId who, int netuid) {
    SubnetState subnet = state.subnet();
    if (netuid != subnet.netuid()) {
      return subnet.params().stakeThreshold() == 0;
    }
    OptionalInt uid = subnet.uidOf(who);
    OptionalInt ownerUid = subnet.ownerUid();
    if (uid.isPresent() && ownerUid.isPresent() && uid.getAsInt() == ownerUid.getAsInt()) {
      return true;
    }
    long stake = uid.isPresent() ? subnet.neuron(uid.getAsInt()).stake() : 0;
    return stake >= subnet.params().stakeThreshold();
  }

  /** The pool's rate-limit check: unregistered hotkeys pass here and fail at dispatch. */
  private boolean passesRateLimitIfRegistered(AccountId who, int netuid, Context ctx) {
    if (netuid != state.subnet().netuid()) {
      return true;
    }
    OptionalInt uid = state.subnet().uidOf(who);
    return uid.isEmpty() || passesRateLimit(uid.getAsInt(), ctx.block());
  }

  /** {@code check_rate_limit}: never set (0) passes; otherwise {@code now - last >= WeightsSetRateLimit}. */
  private boolean passesRateLimit(int uid, long block) {
    long last = state.subnet().neuron(uid).lastUpdate();
    return last == 0 || block - last >= state.subnet().params().weightsSetRateLimit();
  }

  private boolean inRevealWindow(WeightCommit commit, Context ctx) {
    return ctx.epoch() == commit.epoch() + state.subnet().params().revealPeriodEpochs();
  }

  private boolean expired(WeightCommit commit, Context ctx) {
    return ctx.epoch() > commit.epoch() + state.subnet().params().revealPeriodEpochs();
  }

  private static byte[] revealHash(AccountId who, RuntimeCall.RevealWeights c) {
    return WeightsCommitHash.compute(who, storageIndex(c.netuid(), c.mechanismId()), ints(c.uids()), ints(c.values()),
        ints(c.salt()), c.versionKey());
  }

  static int storageIndex(int netuid, int mechanismId) {
    return mechanismId * RuntimeCall.MECHANISM_STRIDE + netuid;
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Optional<DispatchError> fail(SubtensorError error) {
    return Optional.of(error.dispatchError());
  }

  private static KinitroException rejected(String message) {
    return new KinitroException(ErrorCode.DEVCHAIN_DEV_CALL_REJECTED, message);
  }
}
