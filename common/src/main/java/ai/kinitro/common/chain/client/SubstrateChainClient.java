package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.Call;
import ai.kinitro.common.chain.CallIndex;
import ai.kinitro.common.chain.Calls;
import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.chain.Era;
import ai.kinitro.common.chain.ExtrinsicBuilder;
import ai.kinitro.common.chain.SignedExtrinsic;
import ai.kinitro.common.chain.SigningParams;
import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.chain.metadata.MetadataReader;
import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.common.chain.metadata.StorageEntry;
import ai.kinitro.common.chain.metadata.Value;
import ai.kinitro.common.chain.metadata.ValueDecoder;
import ai.kinitro.common.chain.rpc.JsonRpcException;
import ai.kinitro.common.chain.rpc.JsonRpcTransport;
import ai.kinitro.common.chain.rpc.JsonRpcTransports;
import ai.kinitro.common.chain.rpc.Subscription;
import ai.kinitro.common.chain.rpc.SubscriptionListener;
import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongConsumer;
import tools.jackson.databind.JsonNode;

/**
 * {@link ChainClient} over a {@link JsonRpcTransport}, reading everything it needs about the
 * runtime (call indices, storage hashers and defaults, error names, the signed-extension list)
 * from the node's metadata, cached per spec version.
 *
 * <p>Reads: each snapshot resolves its {@link BlockRef} to one block hash first and reads every
 * value at that hash. Maps are read with {@code state_getKeysPaged} (pages of 1000) and {@code
 * state_queryStorageAt}; values that are absent take the metadata's default.
 *
 * <p>Writes: signed v4 extrinsics with the node's spec and transaction versions, the genesis hash,
 * a mortal era from the best block (period 64 unless {@link TxOptions} says otherwise) and the
 * nonce from {@code system_accountNextIndex}. Submitted with {@code author_submitAndWatchExtrinsic}
 * when the transport has subscriptions, otherwise with {@code author_submitExtrinsic} and block
 * polling. After inclusion the block's {@code System.Events} tell whether the call failed.
 */
public final class SubstrateChainClient implements ChainClient {
  /** Page size for {@code state_getKeysPaged} and key batches for {@code state_queryStorageAt}. */
  public static final int PAGE_SIZE = 1000;

  static final String SELECTIVE_METAGRAPH = "SubnetInfoRuntimeApi_get_selective_metagraph";
  /** Selective-metagraph field indices we read (chain.md §1.4). */
  static final int HOTKEYS = 52;
  static final int COLDKEYS = 53;
  static final int ACTIVE = 56;
  static final int VALIDATOR_PERMIT = 57;
  static final int LAST_UPDATE = 59;
  static final int BLOCK_AT_REGISTRATION = 66;
  static final int ALPHA_STAKE = 67;
  static final int TAO_STAKE = 68;
  static final int TOTAL_STAKE = 69;
  static final int[] METAGRAPH_FIELDS = {0, HOTKEYS, COLDKEYS, ACTIVE, VALIDATOR_PERMIT, LAST_UPDATE,
      BLOCK_AT_REGISTRATION, ALPHA_STAKE, TAO_STAKE, TOTAL_STAKE};

  private static final String SUBTENSOR = "SubtensorModule";
  private static final String COMMITMENTS = "Commitments";
  private static final HexFormat HEX = HexFormat.of();

  private final JsonRpcTransport rpc;
  private final Duration pollInterval;
  private final Map<Long, RuntimeMetadata> metadataBySpec = new ConcurrentHashMap<>();
  private volatile BlockHash genesis;

  public SubstrateChainClient(JsonRpcTransport rpc) {
    this(rpc, Duration.ofSeconds(2));
  }

  /**
   * @param rpc the transport (closed with this client)
   * @param pollInterval how often to look for an included transaction when the transport has no
   *     subscriptions
   */
  public SubstrateChainClient(JsonRpcTransport rpc, Duration pollInterval) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** Opens {@code endpoint} (ws/wss with HTTP fallback, or http/https) with a 30 s request timeout. */
  public static SubstrateChainClient connect(URI endpoint) {
    return new SubstrateChainClient(JsonRpcTransports.open(endpoint, Duration.ofSeconds(30)));
  }

  // --- blocks and runtime ------------------------------------------------------------------

  @Override
  public long bestBlock() {
    return headerNumber(rpc.call("chain_getHeader", List.of()));
  }

  @Override
  public long finalizedBlock() {
    return block(BlockRef.finalized()).number();
  }

  @Override
  public BlockHash blockHash(long number) {
    JsonNode hash = rpc.call("chain_getBlockHash", List.of(number));
    if (hash == null || hash.isNull()) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "the chain node has no block " + number + " (yet)");
    }
    return BlockHash.fromHex(hash.asString());
  }

  @Override
  public BlockId block(BlockRef at) {
    return switch (at) {
      case BlockRef.Best best -> {
        BlockHash hash = BlockHash.fromHex(rpc.call("chain_getBlockHash", List.of()).asString());
        yield new BlockId(headerNumber(hash), hash);
      }
      case BlockRef.Finalized finalized -> {
        BlockHash hash = BlockHash.fromHex(rpc.call("chain_getFinalizedHead", List.of()).asString());
        yield new BlockId(headerNumber(hash), hash);
      }
      case BlockRef.Number number -> new BlockId(number.number(), blockHash(number.number()));
      case BlockRef.Hash hash -> new BlockId(headerNumber(hash.hash()), hash.hash());
    };
  }

  @Override
  public RuntimeInfo runtime() {
    return runtimeAt(block(BlockRef.best()).hash());
  }

  /** The runtime in force at {@code at}. */
  public RuntimeInfo runtimeAt(BlockHash at) {
    JsonNode version = rpc.call("state_getRuntimeVersion", List.of(at.toHex()));
    long spec = version.path("specVersion").asLong(-1);
    long transactionVersion = version.path("transactionVersion").asLong(-1);
    if (spec < 0 || transactionVersion < 0) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR,
          "state_getRuntimeVersion answered without specVersion/transactionVersion: " + version);
    }
    RuntimeMetadata metadata = metadataBySpec.computeIfAbsent(spec,
        s -> MetadataReader.read(hexBytes(rpc.call("state_getMetadata", List.of(at.toHex())), "state_getMetadata")));
    return new RuntimeInfo(version.path("specName").asString(""), spec, transactionVersion, genesis(), metadata);
  }

  private BlockHash genesis() {
    BlockHash known = genesis;
    if (known == null) {
      known = blockHash(0);
      genesis = known;
    }
    return known;
  }

  private long headerNumber(BlockHash hash) {
    return headerNumber(rpc.call("chain_getHeader", List.of(hash.toHex())));
  }

  private static long headerNumber(JsonNode header) {
    if (header == null || header.isNull()) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "the chain node does not know that block");
    }
    return parseNumber(header.path("number"));
  }

  static long parseNumber(JsonNode number) {
    if (number.isNumber()) {
      return number.asLong();
    }
    String text = number.asString("");
    try {
      return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "not a block number: " + number, e);
    }
  }

  // --- commitments -------------------------------------------------------------------------

  @Override
  public Optional<Commitment> commitment(int netuid, AccountId hotkey, BlockRef at) {
    BlockId block = block(at);
    RuntimeMetadata metadata = runtimeAt(block.hash()).metadata();
    String commitmentKey = key(metadata, COMMITMENTS, "CommitmentOf", u16(netuid), hotkey.bytes());
    String uidKey = key(metadata, SUBTENSOR, "Uids", u16(netuid), hotkey.bytes());
    Map<String, Optional<byte[]>> values = queryStorageAt(List.of(commitmentKey, uidKey), block.hash());
    Optional<byte[]> stored = values.getOrDefault(commitmentKey, Optional.empty());
    Optional<byte[]> uid = values.getOrDefault(uidKey, Optional.empty());
    if (stored.isEmpty() || uid.isEmpty()) {
      return Optional.empty();
    }
    CommitmentRegistration registration = CommitmentRegistration.decode(stored.get());
    int uidValue = ScaleReader.of(uid.get()).u16();
    StorageEntry regEntry = metadata.requireStorageEntry(SUBTENSOR, "BlockAtRegistration");
    String regKey = key(metadata, SUBTENSOR, "BlockAtRegistration", u16(netuid), u16(uidValue));
    long registeredAt = ScaleReader.of(valueOrDefault(regEntry, storage(regKey, block.hash()))).u64();
    return registration.block() < registeredAt
        ? Optional.empty()
        : Optional.of(new Commitment(hotkey, registration));
  }

  @Override
  public Map<AccountId, Commitment> commitments(int netuid, BlockRef at) {
    BlockId block = block(at);
    RuntimeMetadata metadata = runtimeAt(block.hash()).metadata();
    requireConcatSecondKey(metadata, COMMITMENTS, "CommitmentOf");
    requireConcatSecondKey(metadata, SUBTENSOR, "Uids");
    Map<String, byte[]> stored = readMap(key(metadata, COMMITMENTS, "CommitmentOf", u16(netuid)), block.hash());
    Map<AccountId, Integer> uids = new LinkedHashMap<>();
    readMap(key(metadata, SUBTENSOR, "Uids", u16(netuid)), block.hash())
        .forEach((k, v) -> uids.put(accountSuffix(k), ScaleReader.of(v).u16()));
    Map<Integer, Long> registeredAt = registrationBlocks(metadata, netuid, block.hash());
    Map<AccountId, Commitment> out = new LinkedHashMap<>();
    stored.forEach((k, v) -> {
      AccountId hotkey = accountSuffix(k);
      Integer uid = uids.get(hotkey);
      if (uid == null) {
        return;
      }
      CommitmentRegistration registration = CommitmentRegistration.decode(v);
      if (registration.block() >= registeredAt.getOrDefault(uid, 0L)) {
        out.put(hotkey, new Commitment(hotkey, registration));
      }
    });
    return out;
  }

  private Map<Integer, Long> registrationBlocks(RuntimeMetadata metadata, int netuid, BlockHash at) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    readMap(key(metadata, SUBTENSOR, "BlockAtRegistration", u16(netuid)), at)
        .forEach((k, v) -> out.put(u16Suffix(k), ScaleReader.of(v).u64()));
    return out;
  }

  // --- metagraph ---------------------------------------------------------------------------

  @Override
  public Metagraph metagraph(int netuid, BlockRef at) {
    BlockId block = block(at);
    byte[] arguments = ScaleWriter.encode(w -> w.u16(netuid).u16Sequence(METAGRAPH_FIELDS));
    JsonNode answer;
    try {
      answer = rpc.call("state_call", List.of(SELECTIVE_METAGRAPH, hex(arguments), block.hash().toHex()));
    } catch (JsonRpcException e) {
      return metagraphFromStorage(netuid, block);
    }
    return decodeSelectiveMetagraph(netuid, block, hexBytes(answer, SELECTIVE_METAGRAPH));
  }

  static Metagraph decodeSelectiveMetagraph(int netuid, BlockId block, byte[] bytes) {
    ScaleReader r = ScaleReader.of(bytes);
    if (r.u8() == 0) {
      throw new KinitroException(ErrorCode.CHAIN_SUBNET_NOT_FOUND, "subnet " + netuid + " does not exist at block "
          + block.number());
    }
    r.compactU32();
    Map<Integer, Object> fields = new LinkedHashMap<>();
    for (int index = 1; index <= TOTAL_STAKE; index++) {
      int offset = r.position();
      if (!r.option(x -> true).orElse(false)) {
        continue;
      }
      int field = index;
      fields.put(index, switch (field) {
        case HOTKEYS, COLDKEYS -> r.sequence(AccountId::read);
        case ACTIVE, VALIDATOR_PERMIT -> r.sequence(ScaleReader::bool);
        case LAST_UPDATE, BLOCK_AT_REGISTRATION, ALPHA_STAKE, TAO_STAKE, TOTAL_STAKE -> r.sequence(ScaleReader::compactU64);
        default -> throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "selective metagraph has field " + field
            + " at offset " + offset + ", which was not requested");
      });
    }
    @SuppressWarnings("unchecked")
    List<AccountId> hotkeys = (List<AccountId>) fields.getOrDefault(HOTKEYS, List.of());
    List<Neuron> neurons = new ArrayList<>(hotkeys.size());
    for (int uid = 0; uid < hotkeys.size(); uid++) {
      neurons.add(new Neuron(uid, hotkeys.get(uid), item(fields, COLDKEYS, uid, new AccountId(new byte[32])),
          item(fields, ACTIVE, uid, false), item(fields, VALIDATOR_PERMIT, uid, false),
          item(fields, BLOCK_AT_REGISTRATION, uid, 0L), item(fields, LAST_UPDATE, uid, 0L),
          item(fields, ALPHA_STAKE, uid, 0L), item(fields, TAO_STAKE, uid, 0L), item(fields, TOTAL_STAKE, uid, 0L)));
    }
    return new Metagraph(netuid, block, Metagraph.Source.RUNTIME_API, neurons);
  }

  @SuppressWarnings("unchecked")
  private static <T> T item(Map<Integer, Object> fields, int field, int uid, T fallback) {
    List<T> values = (List<T>) fields.get(field);
    return values != null && uid < values.size() ? values.get(uid) : fallback;
  }

  private Metagraph metagraphFromStorage(int netuid, BlockId block) {
    RuntimeMetadata metadata = runtimeAt(block.hash()).metadata();
    Map<Integer, AccountId> hotkeys = new java.util.TreeMap<>();
    readMap(key(metadata, SUBTENSOR, "Keys", u16(netuid)), block.hash())
        .forEach((k, v) -> hotkeys.put(u16Suffix(k), AccountId.read(ScaleReader.of(v))));
    Map<Integer, Long> registeredAt = registrationBlocks(metadata, netuid, block.hash());

    StorageEntry permitEntry = metadata.requireStorageEntry(SUBTENSOR, "ValidatorPermit");
    StorageEntry activeEntry = metadata.requireStorageEntry(SUBTENSOR, "Active");
    StorageEntry lastUpdateEntry = metadata.requireStorageEntry(SUBTENSOR, "LastUpdate");
    StorageEntry ownerEntry = metadata.requireStorageEntry(SUBTENSOR, "Owner");
    Optional<StorageEntry> alpha = metadata.storageEntry(SUBTENSOR, "TotalHotkeyAlpha");
    Optional<StorageEntry> legacyStake = metadata.storageEntry(SUBTENSOR, "TotalHotkeyStake");
    String permitKey = key(metadata, SUBTENSOR, "ValidatorPermit", u16(netuid));
    String activeKey = key(metadata, SUBTENSOR, "Active", u16(netuid));
    String lastUpdateKey = key(metadata, SUBTENSOR, "LastUpdate", u16(netuid));
    List<String> keys = new ArrayList<>(List.of(permitKey, activeKey, lastUpdateKey));
    Map<Integer, String> ownerKeys = new LinkedHashMap<>();
    Map<Integer, String> stakeKeys = new LinkedHashMap<>();
    hotkeys.forEach((uid, hotkey) -> {
      ownerKeys.put(uid, key(metadata, SUBTENSOR, "Owner", hotkey.bytes()));
      if (alpha.isPresent()) {
        stakeKeys.put(uid, key(metadata, SUBTENSOR, "TotalHotkeyAlpha", hotkey.bytes(), u16(netuid)));
      } else if (legacyStake.isPresent()) {
        stakeKeys.put(uid, key(metadata, SUBTENSOR, "TotalHotkeyStake", hotkey.bytes()));
      }
    });
    keys.addAll(ownerKeys.values());
    keys.addAll(stakeKeys.values());
    Map<String, Optional<byte[]>> values = queryStorageAt(keys, block.hash());

    List<Boolean> permits = ScaleReader.of(valueOrDefault(permitEntry, values.get(permitKey))).sequence(ScaleReader::bool);
    List<Boolean> active = ScaleReader.of(valueOrDefault(activeEntry, values.get(activeKey))).sequence(ScaleReader::bool);
    List<Long> lastUpdate =
        ScaleReader.of(valueOrDefault(lastUpdateEntry, values.get(lastUpdateKey))).sequence(ScaleReader::u64);
    StorageEntry stakeEntry = alpha.or(() -> legacyStake).orElse(null);
    List<Neuron> neurons = new ArrayList<>();
    hotkeys.forEach((uid, hotkey) -> {
      AccountId coldkey = AccountId.read(ScaleReader.of(valueOrDefault(ownerEntry, values.get(ownerKeys.get(uid)))));
      long stake = stakeEntry == null ? 0
          : ScaleReader.of(valueOrDefault(stakeEntry, values.get(stakeKeys.get(uid)))).u64();
      neurons.add(new Neuron(uid, hotkey, coldkey, uid < active.size() && active.get(uid),
          uid < permits.size() && permits.get(uid), registeredAt.getOrDefault(uid, 0L),
          uid < lastUpdate.size() ? lastUpdate.get(uid) : 0L, stake, 0L, stake));
    });
    return new Metagraph(netuid, block, Metagraph.Source.STORAGE, neurons);
  }

  // --- subnet parameters -------------------------------------------------------------------

  @Override
  public SubnetParams subnetParams(int netuid, BlockRef at) {
    BlockId block = block(at);
    RuntimeMetadata metadata = runtimeAt(block.hash()).metadata();
    List<String> items = List.of("Tempo", "WeightsSetRateLimit", "CommitRevealWeightsEnabled", "RevealPeriodEpochs",
        "WeightsVersionKey", "MinAllowedWeights", "MaxWeightsLimit", "SubnetOwner", "SubnetOwnerHotkey");
    Map<String, String> keys = new LinkedHashMap<>();
    for (String item : items) {
      if (metadata.storageEntry(SUBTENSOR, item).isPresent()) {
        keys.put(item, key(metadata, SUBTENSOR, item, u16(netuid)));
      }
    }
    Map<String, Optional<byte[]>> values = queryStorageAt(List.copyOf(keys.values()), block.hash());
    Function<String, Optional<ScaleReader>> read = item -> Optional.ofNullable(keys.get(item))
        .map(k -> ScaleReader.of(valueOrDefault(metadata.requireStorageEntry(SUBTENSOR, item), values.get(k))));
    Function<String, ScaleReader> require = item -> read.apply(item).orElseThrow(() -> new KinitroException(
        ErrorCode.CHAIN_UNSUPPORTED_RUNTIME, "the node's runtime has no storage item SubtensorModule." + item));
    return new SubnetParams(netuid, block,
        require.apply("Tempo").u16(),
        require.apply("WeightsSetRateLimit").u64(),
        require.apply("CommitRevealWeightsEnabled").bool(),
        read.apply("RevealPeriodEpochs").map(ScaleReader::u64).orElse(1L),
        require.apply("WeightsVersionKey").u64(),
        require.apply("MinAllowedWeights").u16(),
        require.apply("MaxWeightsLimit").u16(),
        AccountId.read(require.apply("SubnetOwner")),
        read.apply("SubnetOwnerHotkey").map(AccountId::read));
  }

  // --- weights ------------------------------------------------------------------------------

  @Override
  public ChainWeights weights(int netuid, BlockRef at) {
    BlockId block = block(at);
    RuntimeMetadata metadata = runtimeAt(block.hash()).metadata();
    requireConcatSecondKey(metadata, SUBTENSOR, "Weights");
    Map<Integer, List<ChainWeights.Entry>> rows = new LinkedHashMap<>();
    readMap(key(metadata, SUBTENSOR, "Weights", u16(netuid)), block.hash()).forEach((k, value) -> rows.put(u16Suffix(k),
        ScaleReader.of(value).sequence(r -> new ChainWeights.Entry(r.u16(), r.u16()))));
    return new ChainWeights(netuid, block, rows);
  }

  // --- transactions ------------------------------------------------------------------------

  @Override
  public TxResult setCommitment(Signer hotkey, int netuid, byte[] raw, TxOptions options) {
    return setCommitment(hotkey, netuid, List.of(new CommitmentData.Raw(raw)), options);
  }

  @Override
  public TxResult setCommitment(Signer hotkey, int netuid, List<CommitmentData> fields, TxOptions options) {
    return submit(hotkey, COMMITMENTS, "set_commitment", index -> Calls.setCommitment(index, netuid, fields), options);
  }

  @Override
  public TxResult setWeights(Signer hotkey, int netuid, int[] uids, int[] weights, long versionKey, TxOptions options) {
    return submit(hotkey, SUBTENSOR, "set_weights",
        index -> Calls.setWeights(index, netuid, uids, weights, versionKey), options);
  }

  @Override
  public TxResult commitWeights(Signer hotkey, int netuid, byte[] commitHash, TxOptions options) {
    return submit(hotkey, SUBTENSOR, "commit_weights", index -> Calls.commitWeights(index, netuid, commitHash), options);
  }

  @Override
  public TxResult revealWeights(
      Signer hotkey, int netuid, int[] uids, int[] values, int[] salt, long versionKey, TxOptions options) {
    return submit(hotkey, SUBTENSOR, "reveal_weights",
        index -> Calls.revealWeights(index, netuid, uids, values, salt, versionKey), options);
  }

  @Override
  public TxResult setCommitRevealEnabled(Signer ownerColdkey, int netuid, boolean enabled, TxOptions options) {
    return submit(ownerColdkey, "AdminUtils", "sudo_set_commit_reveal_weights_enabled",
        index -> Calls.sudoSetCommitRevealWeightsEnabled(index, netuid, enabled), options);
  }

  /** Builds, signs and submits {@code pallet.call} (index from metadata), then follows it as {@code options} say. */
  public TxResult submit(Signer signer, String pallet, String call, Function<CallIndex, Call> build, TxOptions options) {
    Prepared prepared = prepare(signer, pallet, call, build, options);
    return submit(prepared.extrinsic(), prepared.metadata(), pallet + "." + call, options);
  }

  /** Builds and signs {@code pallet.call} against the best block without submitting it. */
  public SignedExtrinsic sign(Signer signer, String pallet, String call, Function<CallIndex, Call> build,
      TxOptions options) {
    return prepare(signer, pallet, call, build, options).extrinsic();
  }

  private record Prepared(SignedExtrinsic extrinsic, RuntimeMetadata metadata) {}

  private Prepared prepare(Signer signer, String pallet, String call, Function<CallIndex, Call> build,
      TxOptions options) {
    BlockId best = block(BlockRef.best());
    RuntimeInfo runtime = runtimeAt(best.hash());
    Call encoded = build.apply(runtime.metadata().callIndex(pallet, call));
    long nonce = options.nonce().orElseGet(() -> nextNonce(new AccountId(signer.publicKey())));
    Era era = options.eraPeriod() == 0 ? Era.immortal() : Era.mortal(options.eraPeriod(), best.number());
    byte[] birthHash;
    if (era.isImmortal()) {
      birthHash = runtime.genesisHash().bytes();
    } else {
      long birth = era.birthBlock(best.number());
      birthHash = birth == best.number() ? best.hash().bytes() : blockHash(birth).bytes();
    }
    SigningParams params = new SigningParams(runtime.specVersion(), runtime.transactionVersion(),
        runtime.genesisHash().bytes(), era, birthHash, nonce, options.tip());
    SignedExtensions.Encoded extensions = SignedExtensions.encode(runtime.metadata(), params);
    return new Prepared(
        ExtrinsicBuilder.sign(encoded.toBytes(), extensions.explicit(), extensions.implicit(), signer),
        runtime.metadata());
  }

  /** The next nonce of {@code account}, counting transactions still in the pool. */
  public long nextNonce(AccountId account) {
    return rpc.call("system_accountNextIndex", List.of(Ss58.encode(account.bytes()))).asLong();
  }

  /** Submits a signed extrinsic and follows it as {@code options} say. */
  public TxResult submit(SignedExtrinsic extrinsic, RuntimeMetadata metadata, String call, TxOptions options) {
    String hex = extrinsic.toHex();
    if (options.waitFor() == TxOptions.WaitFor.NONE) {
      try {
        JsonNode hash = rpc.call("author_submitExtrinsic", List.of(hex));
        return new TxResult(hash.asString(extrinsic.hashHex()), TxResult.Status.SUBMITTED, Optional.empty(),
            java.util.OptionalLong.empty(), Optional.empty());
      } catch (JsonRpcException e) {
        throw ChainErrors.poolRejection(call, e);
      }
    }
    BlockHash included = rpc.supportsSubscriptions()
        ? watch(hex, call, options)
        : poll(extrinsic, call, options);
    TxResult.Status status = options.waitFor() == TxOptions.WaitFor.FINALIZED
        ? TxResult.Status.FINALIZED
        : TxResult.Status.IN_BLOCK;
    return outcome(extrinsic, included, metadata, call, status);
  }

  private BlockHash watch(String hex, String call, TxOptions options) {
    CompletableFuture<BlockHash> done = new CompletableFuture<>();
    boolean finalized = options.waitFor() == TxOptions.WaitFor.FINALIZED;
    SubscriptionListener listener = new SubscriptionListener() {
      @Override
      public void onNotification(JsonNode status) {
        if (status.isString()) {
          String text = status.asString();
          if (text.equals("dropped") || text.equals("invalid")) {
            done.completeExceptionally(dropped(call, text));
          }
          return;
        }
        if (status.has("inBlock") && !finalized) {
          done.complete(BlockHash.fromHex(status.get("inBlock").asString()));
        } else if (status.has("finalized")) {
          done.complete(BlockHash.fromHex(status.get("finalized").asString()));
        } else if (status.has("usurped") || status.has("finalityTimeout") || status.has("dropped")
            || status.has("invalid")) {
          done.completeExceptionally(dropped(call, status.toString()));
        }
      }

      @Override
      public void onError(KinitroException error) {
        done.completeExceptionally(error);
      }

      @Override
      public boolean resubscribeOnReconnect() {
        return false;
      }
    };
    Subscription subscription;
    try {
      subscription = rpc.subscribe("author_submitAndWatchExtrinsic", List.of(hex), "author_unwatchExtrinsic", listener);
    } catch (JsonRpcException e) {
      throw ChainErrors.poolRejection(call, e);
    }
    try {
      return done.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new KinitroException(ErrorCode.CHAIN_REQUEST_TIMEOUT, call + " was submitted but not "
          + (finalized ? "finalized" : "included in a block") + " within " + options.timeout().toSeconds() + " s");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof KinitroException known
          ? known
          : new KinitroException(ErrorCode.INTERNAL_ERROR, "watching " + call + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.CHAIN_CONNECTION_LOST, "interrupted while waiting for " + call);
    } finally {
      subscription.close();
    }
  }

  private BlockHash poll(SignedExtrinsic extrinsic, String call, TxOptions options) {
    String hex = extrinsic.toHex();
    long start = bestBlock();
    try {
      rpc.call("author_submitExtrinsic", List.of(hex));
    } catch (JsonRpcException e) {
      throw ChainErrors.poolRejection(call, e);
    }
    long deadline = System.nanoTime() + options.timeout().toNanos();
    long next = start;
    BlockId found = null;
    while (System.nanoTime() < deadline) {
      long best = bestBlock();
      for (; found == null && next <= best; next++) {
        BlockHash hash = blockHash(next);
        if (extrinsics(hash).contains(hex.toLowerCase(java.util.Locale.ROOT))) {
          found = new BlockId(next, hash);
        }
      }
      if (found != null && (options.waitFor() != TxOptions.WaitFor.FINALIZED || finalizedBlock() >= found.number())) {
        return found.hash();
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KinitroException(ErrorCode.CHAIN_CONNECTION_LOST, "interrupted while waiting for " + call);
      }
    }
    throw new KinitroException(ErrorCode.CHAIN_REQUEST_TIMEOUT, call + " was submitted but not seen in a block within "
        + options.timeout().toSeconds() + " s");
  }

  private List<String> extrinsics(BlockHash hash) {
    JsonNode list = rpc.call("chain_getBlock", List.of(hash.toHex())).path("block").path("extrinsics");
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i).asString().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  private TxResult outcome(
      SignedExtrinsic extrinsic, BlockHash blockHash, RuntimeMetadata metadata, String call, TxResult.Status status) {
    int index = extrinsics(blockHash).indexOf(extrinsic.toHex().toLowerCase(java.util.Locale.ROOT));
    long number = headerNumber(blockHash);
    Optional<TxResult.TxError> error = Optional.empty();
    if (index >= 0) {
      error = dispatchError(metadata, blockHash, index, call);
    }
    return new TxResult(extrinsic.hashHex(), status, Optional.of(blockHash), java.util.OptionalLong.of(number), error);
  }

  private Optional<TxResult.TxError> dispatchError(RuntimeMetadata metadata, BlockHash at, int index, String call) {
    StorageEntry events = metadata.requireStorageEntry("System", "Events");
    byte[] bytes = valueOrDefault(events, storage(key(metadata, "System", "Events"), at));
    Value decoded = new ValueDecoder(metadata.registry()).decode(events.valueType(), bytes);
    if (!(decoded instanceof Value.Sequence records)) {
      return Optional.empty();
    }
    for (Value record : records.items()) {
      if (!(record instanceof Value.Composite fields)) {
        continue;
      }
      if (!(fields.require("phase") instanceof Value.Variant phase) || !phase.name().equals("ApplyExtrinsic")
          || !(phase.fields().get(0) instanceof Value.Int applied) || applied.longValue() != index) {
        continue;
      }
      if (fields.require("event") instanceof Value.Variant pallet && pallet.name().equals("System")
          && pallet.fields().get(0) instanceof Value.Variant event && event.name().equals("ExtrinsicFailed")) {
        Value dispatchError = event.fields().field("dispatch_error").orElse(event.fields().get(0));
        return Optional.of(ChainErrors.dispatchError(dispatchError, metadata, call));
      }
    }
    return Optional.empty();
  }

  private static KinitroException dropped(String call, String status) {
    return new KinitroException(ErrorCode.CHAIN_TRANSACTION_DROPPED,
        call + " left the transaction pool without being included (" + status + "); build and submit it again");
  }

  // --- subscriptions -----------------------------------------------------------------------

  @Override
  public Subscription onNewHead(LongConsumer listener) {
    return rpc.subscribe("chain_subscribeNewHeads", List.of(), "chain_unsubscribeNewHeads",
        header -> listener.accept(parseNumber(header.path("number"))));
  }

  @Override
  public void close() {
    rpc.close();
  }

  // --- storage helpers ---------------------------------------------------------------------

  /** The storage key (or prefix, with fewer keys) of {@code pallet.item}, hashed as the metadata says. */
  static String key(RuntimeMetadata metadata, String pallet, String item, byte[]... encodedKeys) {
    StorageEntry entry = metadata.requireStorageEntry(pallet, item);
    List<StorageHasher> hashers = entry.hashers();
    if (encodedKeys.length > hashers.size()) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR,
          pallet + "." + item + " takes " + hashers.size() + " keys but " + encodedKeys.length + " were given");
    }
    ai.kinitro.common.chain.StorageKey.Builder builder =
        ai.kinitro.common.chain.StorageKey.builder(metadata.storagePrefix(pallet), item);
    for (int i = 0; i < encodedKeys.length; i++) {
      builder.key(hashers.get(i), encodedKeys[i]);
    }
    return builder.build().toHex();
  }

  private static void requireConcatSecondKey(RuntimeMetadata metadata, String pallet, String item) {
    List<StorageHasher> hashers = metadata.requireStorageEntry(pallet, item).hashers();
    if (hashers.size() != 2 || !hashers.get(1).keepsKey()) {
      throw new KinitroException(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME, pallet + "." + item
          + " is not a double map whose second key can be read back (hashers " + hashers + ")");
    }
  }

  private Optional<byte[]> storage(String key, BlockHash at) {
    JsonNode value = rpc.call("state_getStorage", List.of(key, at.toHex()));
    return value == null || value.isNull() ? Optional.empty() : Optional.of(hexBytes(value, "state_getStorage"));
  }

  /** Values of {@code keys} at {@code at}, in batches of {@link #PAGE_SIZE}; absent keys map to empty. */
  private Map<String, Optional<byte[]>> queryStorageAt(List<String> keys, BlockHash at) {
    Map<String, Optional<byte[]>> out = new LinkedHashMap<>();
    for (int from = 0; from < keys.size(); from += PAGE_SIZE) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + PAGE_SIZE));
      JsonNode sets = rpc.call("state_queryStorageAt", List.of(batch, at.toHex()));
      for (int s = 0; s < sets.size(); s++) {
        JsonNode changes = sets.get(s).path("changes");
        for (int c = 0; c < changes.size(); c++) {
          JsonNode change = changes.get(c);
          JsonNode value = change.get(1);
          out.put(change.get(0).asString().toLowerCase(java.util.Locale.ROOT),
              value == null || value.isNull() ? Optional.empty() : Optional.of(hexBytes(value, "state_queryStorageAt")));
        }
      }
    }
    for (String key : keys) {
      out.putIfAbsent(key, Optional.empty());
    }
    return out;
  }

  /** Every (key, value) under {@code prefix} at {@code at}. */
  private Map<String, byte[]> readMap(String prefix, BlockHash at) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    String start = null;
    while (true) {
      JsonNode page = rpc.call("state_getKeysPaged", Arrays.asList(prefix, PAGE_SIZE, start, at.toHex()));
      List<String> keys = new ArrayList<>(page.size());
      for (int i = 0; i < page.size(); i++) {
        keys.add(page.get(i).asString().toLowerCase(java.util.Locale.ROOT));
      }
      if (!keys.isEmpty()) {
        queryStorageAt(keys, at).forEach((k, v) -> v.ifPresent(bytes -> out.put(k, bytes)));
      }
      if (keys.size() < PAGE_SIZE) {
        return out;
      }
      start = keys.getLast();
    }
  }

  private static byte[] valueOrDefault(StorageEntry entry, Optional<byte[]> value) {
    return value == null || value.isEmpty() ? entry.defaultValue() : value.get();
  }

  private static AccountId accountSuffix(String keyHex) {
    byte[] key = HEX.parseHex(keyHex.substring(2));
    return new AccountId(Arrays.copyOfRange(key, key.length - AccountId.LENGTH, key.length));
  }

  private static int u16Suffix(String keyHex) {
    byte[] key = HEX.parseHex(keyHex.substring(2));
    return (key[key.length - 2] & 0xFF) | (key[key.length - 1] & 0xFF) << 8;
  }

  private static byte[] u16(int value) {
    return new ScaleWriter(2).u16(value).toByteArray();
  }

  private static String hex(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  private static byte[] hexBytes(JsonNode node, String method) {
    String text = node == null ? "" : node.asString("");
    if (!text.startsWith("0x")) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, method + " answered " + node + ", not 0x-hex bytes");
    }
    try {
      return HEX.parseHex(text.substring(2));
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, method + " answered invalid hex", e);
    }
  }
}
