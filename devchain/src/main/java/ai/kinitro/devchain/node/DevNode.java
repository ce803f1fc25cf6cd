package ai.kinitro.devchain.node;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import ai.kinitro.devchain.extrinsic.SignatureCheck;
import ai.kinitro.devchain.extrinsic.UncheckedExtrinsic;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.metadata.DevMetadata;
import ai.kinitro.devchain.runtime.ChainState;
import ai.kinitro.devchain.runtime.DispatchError;
import ai.kinitro.devchain.runtime.EventRecord;
import ai.kinitro.devchain.runtime.Rejection;
import ai.kinitro.devchain.runtime.RuntimeApis;
import ai.kinitro.devchain.runtime.RuntimeCall;
import ai.kinitro.devchain.runtime.RuntimeEvent;
import ai.kinitro.devchain.runtime.RuntimeVersion;
import ai.kinitro.devchain.runtime.Storage;
import ai.kinitro.devchain.runtime.StorageKeyBytes;
import ai.kinitro.devchain.runtime.StorageLayout;
import ai.kinitro.devchain.runtime.SubtensorRuntime;
import ai.kinitro.devchain.store.ChainStore;
import ai.kinitro.devchain.store.StoredChain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev chain node. It holds the chain (headers of every block, storage of the recent ones, the
 * live runtime state), the transaction pool, and produces blocks when asked ({@link #produceBlocks}
 * from a timer or a test). Every block is finalized as soon as it is made.
 *
 * <p>Pool checks follow the runtime: the extrinsic must decode, be signed (unsigned calls have no
 * validator), not come from the zero account, have a birth block this chain knows, carry a valid
 * sr25519 signature over the payload rebuilt with this chain's versions and hashes, a nonce not
 * below the account's, and pass subtensor's transaction-extension checks. Transactions with a
 * nonce above the next one wait in the pool as "future". In a block, each transaction is checked
 * again and then dispatched; a failed dispatch still uses the nonce and deposits {@code
 * ExtrinsicFailed}.
 */
public final class DevNode implements AutoCloseable {
  /** Blocks whose storage is kept for queries at a hash. */
  public static final int RECENT_BLOCKS = 256;
  /** {@code System.BlockHashCount}: how far back a mortal era's birth block may lie. */
  public static final int BLOCK_HASH_COUNT = 4096;
  public static final int MAX_EXTRINSICS_PER_BLOCK = 1024;
  public static final int MAX_POOL_SIZE = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(DevNode.class);
  private static final byte[] ZERO_HASH = new byte[32];

  private final ReentrantLock lock = new ReentrantLock();
  private final Genesis genesis;
  private final RuntimeVersion version = RuntimeVersion.DEV_CHAIN;
  private final byte[] metadataV14;
  private final RuntimeApis apis;
  private final ChainStore store;
  private final Hash genesisHash;
  private final ChainState state;
  private final SubtensorRuntime runtime;
  private final List<BlockHeader> headers = new ArrayList<>();
  private final Map<Hash, Long> numbers = new HashMap<>();
  private final NavigableMap<Long, BlockRecord> recent = new TreeMap<>();
  private final List<PoolEntry> pool = new ArrayList<>();
  private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService notifier = Executors.newSingleThreadExecutor(
      r -> Thread.ofPlatform().name("devchain-notify").daemon(true).unstarted(r));
  private volatile BlockRecord head;
  private long submissionSeq;

  private record PoolEntry(UncheckedExtrinsic xt, RuntimeCall call, AccountId signer, long nonce, Hash hash,
      Optional<TxWatcher> watcher, long seq, boolean[] ready) {}

  private DevNode(Genesis genesis, ChainStore store) {
    this.genesis = Objects.requireNonNull(genesis, "genesis");
    this.store = Objects.requireNonNull(store, "store");
    DevMetadata metadata = DevMetadata.build();
    this.metadataV14 = metadata.v14Bytes();
    this.apis = new RuntimeApis(version, metadataV14, metadata.v15Bytes());

    ChainState genesisState = ChainState.fromGenesis(genesis);
    Storage genesisStorage = StorageLayout.render(genesisState, ZERO_HASH);
    BlockHeader genesisHeader = new BlockHeader(0, ZERO_HASH, genesisStorage.root(), extrinsicsRoot(List.of()));
    this.genesisHash = new Hash(genesisHeader.hash());

    Optional<StoredChain> stored = store.load(genesisHash);
    if (stored.isPresent()) {
      StoredChain chain = stored.get();
      this.state = chain.state();
      chain.headers().forEach(this::index);
      BlockHeader last = chain.head();
      this.runtime = new SubtensorRuntime(state);
      remember(new BlockRecord(last, new Hash(last.hash()), List.of(), chain.headStorage(), state.subnet().snapshot()));
      LOG.info("dev chain resumed at block #{} ({}) from its data directory", last.number(), head.hash());
    } else {
      this.state = genesisState;
      this.runtime = new SubtensorRuntime(state);
      index(genesisHeader);
      store.persist(genesisHeader, genesisHash, genesisState, genesisStorage);
      remember(new BlockRecord(genesisHeader, genesisHash, List.of(), genesisStorage, state.subnet().snapshot()));
      LOG.info("dev chain started from genesis {}", genesisHash);
    }
  }

  /** Starts a node for {@code genesis}, resuming the chain {@code store} holds for it, if any. */
  public static DevNode open(Genesis genesis, ChainStore store) {
    return new DevNode(genesis, store);
  }

  // ------------------------------------------------------------------ chain facts

  public Genesis genesis() {
    return genesis;
  }

  public Hash genesisHash() {
    return genesisHash;
  }

  public RuntimeVersion runtimeVersion() {
    return version;
  }

  public byte[] metadata() {
    return metadataV14.clone();
  }

  /** The best (and finalized) block. */
  public BlockRecord head() {
    return head;
  }

  public Optional<Hash> hashOf(long number) {
    lock.lock();
    try {
      return number >= 0 && number < headers.size() ? Optional.of(new Hash(headers.get((int) number).hash()))
          : Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  public Optional<BlockHeader> header(Hash hash) {
    lock.lock();
    try {
      Long number = numbers.get(hash);
      return number == null ? Optional.empty() : Optional.of(headers.get(number.intValue()));
    } finally {
      lock.unlock();
    }
  }

  /** The block's extrinsics, when the block is recent enough to be kept in memory. */
  public Optional<List<byte[]>> extrinsics(Hash hash) {
    return stateAt(Optional.of(hash)) instanceof StateQuery.Found found
        ? Optional.of(found.block().extrinsics()) : Optional.empty();
  }

  /** Resolves {@code at} (the best block when empty) to a block whose state can be read. */
  public StateQuery stateAt(Optional<Hash> at) {
    if (at.isEmpty()) {
      return new StateQuery.Found(head);
    }
    lock.lock();
    try {
      Long number = numbers.get(at.get());
      if (number == null) {
        return new StateQuery.Unknown(at.get());
      }
      BlockRecord record = recent.get(number);
      return record == null ? new StateQuery.Pruned(at.get()) : new StateQuery.Found(record);
    } finally {
      lock.unlock();
    }
  }

  /** {@code state_getStorage}: the value at {@code key} after {@code block}. */
  public Optional<byte[]> storage(BlockRecord block, byte[] key) {
    Optional<Long> blockHashItem = blockHashItem(key);
    if (blockHashItem.isPresent()) {
      long n = blockHashItem.get();
      return blockHashVisible(block.number(), n) ? hashOf(n).map(Hash::bytes) : Optional.empty();
    }
    return block.storage().get(key);
  }

  /** {@code state_getKeysPaged}: keys with {@code prefix} after {@code startAfter}, up to {@code count}. */
  public List<StorageKeyBytes> keys(BlockRecord block, byte[] prefix, int count, Optional<byte[]> startAfter) {
    List<StorageKeyBytes> keys = new ArrayList<>(block.storage().keys(prefix, count, startAfter));
    byte[] blockHashPrefix = StorageLayout.blockHashPrefix();
    boolean overlaps = new StorageKeyBytes(blockHashPrefix).startsWith(prefix) || new StorageKeyBytes(prefix)
        .startsWith(blockHashPrefix);
    if (overlaps) {
      long from = Math.max(0, block.number() - BLOCK_HASH_COUNT);
      for (long n = from; n < block.number(); n++) {
        StorageKeyBytes key = new StorageKeyBytes(StorageLayout.blockHashKey(n));
        boolean afterStart = startAfter.isEmpty() || key.compareTo(new StorageKeyBytes(startAfter.get())) > 0;
        if (key.startsWith(prefix) && afterStart) {
          keys.add(key);
        }
      }
      keys.sort(null);
      if (keys.size() > count) {
        keys.subList(count, keys.size()).clear();
      }
    }
    return keys;
  }

  /** {@code state_call}: a runtime API method at {@code block}; empty when the method is unknown. */
  public Optional<byte[]> call(BlockRecord block, String method, byte[] args) {
    return apis.call(method, args, new RuntimeApis.BlockView(block.number(), block.subnet(), block.storage()));
  }

  /** {@code system_accountNextIndex}: the account's nonce plus its ready transactions in the pool. */
  public long accountNextIndex(AccountId who) {
    lock.lock();
    try {
      return readyNonce(who);
    } finally {
      lock.unlock();
    }
  }

  public void addListener(NodeListener listener) {
    listeners.add(listener);
  }

  /**
   * Adds {@code listener} and hands it the current best block first, in order with the blocks
   * that follow (a head subscription's first notification).
   */
  public void addListenerWithHead(NodeListener listener) {
    lock.lock();
    try {
      BlockRecord current = head;
      notifier.execute(() -> safely(() -> listener.onNewBlock(current)));
      listeners.add(listener);
    } finally {
      lock.unlock();
    }
  }

  public void removeListener(NodeListener listener) {
    listeners.remove(listener);
  }

  // ------------------------------------------------------------------ transaction pool

  /**
   * {@code author_submitExtrinsic}: validates {@code bytes} against the best block and adds it to
   * the pool. The watcher, if given, hears every status from the first ({@code ready} or {@code
   * future}) on, in order.
   */
  public Submission submit(byte[] bytes, Optional<TxWatcher> watcher) {
    UncheckedExtrinsic xt;
    RuntimeCall call;
    try {
      xt = UncheckedExtrinsic.decode(bytes);
      call = RuntimeCall.decode(xt.call());
    } catch (KinitroException e) {
      return new Submission.Rejected(Rejection.badFormat(e.getMessage()));
    }
    if (xt.signed().isEmpty()) {
      return new Submission.Rejected(Rejection.noUnsignedValidator());
    }
    UncheckedExtrinsic.Signed signed = xt.signed().get();
    Hash hash = new Hash(xt.hash());
    lock.lock();
    try {
      if (pool.stream().anyMatch(e -> e.hash().equals(hash))) {
        return new Submission.Rejected(Rejection.alreadyImported(hash.toHex()));
      }
      long next = head.number() + 1;
      Optional<Rejection> invalid = check(signed, xt.call(), call, next, runtime.nextBlockContext());
      if (invalid.isPresent()) {
        return new Submission.Rejected(invalid.get());
      }
      if (pool.stream().anyMatch(e -> e.signer().equals(signed.signer()) && e.nonce() == signed.nonce())) {
        return new Submission.Rejected(Rejection.tooLowPriority());
      }
      if (pool.size() >= MAX_POOL_SIZE) {
        return new Submission.Rejected(new Rejection(Rejection.POOL_IMMEDIATELY_DROPPED, "Immediately Dropped",
            Optional.of("The transaction pool is full")));
      }
      boolean ready = signed.nonce() == readyNonce(signed.signer());
      PoolEntry entry = new PoolEntry(xt, call, signed.signer(), signed.nonce(), hash, watcher, submissionSeq++,
          new boolean[] {ready});
      pool.add(entry);
      notify(entry, TxStatus.of(ready ? TxStatus.Kind.READY : TxStatus.Kind.FUTURE));
      promote(signed.signer());
      LOG.debug("pool: {} from {} nonce {} ({})", call.name(), signed.signer(), signed.nonce(),
          ready ? "ready" : "future");
      return new Submission.Accepted(hash, TxStatus.of(ready ? TxStatus.Kind.READY : TxStatus.Kind.FUTURE));
    } finally {
      lock.unlock();
    }
  }

  /** The pool checks shared by submission and inclusion. */
  private Optional<Rejection> check(UncheckedExtrinsic.Signed signed, byte[] callBytes, RuntimeCall call, long block,
      SubtensorRuntime.Context ctx) {
    if (SignatureCheck.isZeroSender(signed)) {
      return Optional.of(Rejection.badSigner());
    }
    long birth = signed.era().birthBlock(block);
    boolean knownBirth = birth < block && birth < headers.size() && (birth == 0 || birth + BLOCK_HASH_COUNT >= block);
    if (!knownBirth) {
      return Optional.of(Rejection.ancientBirthBlock());
    }
    byte[] birthHash = headers.get((int) birth).hash();
    if (!SignatureCheck.verifies(signed, callBytes, version.specVersion(), version.transactionVersion(),
        genesisHash.bytes(), birthHash)) {
      return Optional.of(Rejection.badProof());
    }
    if (signed.nonce() < state.nonce(signed.signer())) {
      return Optional.of(Rejection.stale());
    }
    return runtime.validate(signed.signer(), call, ctx);
  }

  private long readyNonce(AccountId who) {
    long next = state.nonce(who);
    boolean found = true;
    while (found) {
      long expected = next;
      found = pool.stream().anyMatch(e -> e.signer().equals(who) && e.nonce() == expected);
      if (found) {
        next++;
      }
    }
    return next;
  }

  /** Marks the signer's future transactions whose nonce is now next in line as ready, and tells their watchers. */
  private void promote(AccountId who) {
    long readyUpTo = readyNonce(who);
    for (PoolEntry e : pool) {
      if (e.signer().equals(who) && !e.ready()[0] && e.nonce() < readyUpTo) {
        e.ready()[0] = true;
        notify(e, TxStatus.of(TxStatus.Kind.READY));
      }
    }
  }

  // ------------------------------------------------------------------ block production

  /** Produces {@code count} blocks now. Returns the new best block. */
  public BlockRecord produceBlocks(int count) {
    if (count < 1) {
      throw new KinitroException(ErrorCode.DEVCHAIN_DEV_CALL_REJECTED, "produce at least one block, not " + count);
    }
    BlockRecord last = head;
    for (int i = 0; i < count; i++) {
      last = produceBlock(r -> null).block();
    }
    return last;
  }

  /** A block produced together with the value a dev operation returned. */
  public record Produced<T>(BlockRecord block, T value) {}

  /**
   * Produces one block whose initialisation runs {@code devOperation} (dev RPC: registrations,
   * stake) before the pool's transactions. If the operation throws, no block is made.
   */
  public <T> Produced<T> produceBlock(Function<SubtensorRuntime, T> devOperation) {
    lock.lock();
    try {
      return build(devOperation);
    } finally {
      lock.unlock();
    }
  }

  /** Registers a neuron in a new block (dev RPC). Returns its uid. */
  public Produced<Integer> registerNeuron(AccountId hotkey, AccountId coldkey, long stake) {
    lock.lock();
    try {
      runtime.checkRegistration(hotkey, stake, head.number() + 1);
      return build(r -> r.registerNeuron(hotkey, coldkey, stake));
    } finally {
      lock.unlock();
    }
  }

  /** Adds stake in a new block (dev RPC). Returns the hotkey's new stake. */
  public Produced<Long> addStake(AccountId hotkey, long amount) {
    lock.lock();
    try {
      runtime.checkAddStake(hotkey, amount);
      return build(r -> r.addStake(hotkey, amount));
    } finally {
      lock.unlock();
    }
  }

  private <T> Produced<T> build(Function<SubtensorRuntime, T> devOperation) {
    BlockRecord parent = head;
    long number = parent.number() + 1;
    runtime.initializeBlock(number);
    T value = devOperation.apply(runtime);
    List<PoolEntry> included = new ArrayList<>();
    List<PoolEntry> dropped = new ArrayList<>();
    SubtensorRuntime.Context ctx = runtime.currentContext();
    boolean progress = true;
    while (progress && included.size() < MAX_EXTRINSICS_PER_BLOCK) {
      progress = false;
      for (PoolEntry e : List.copyOf(pool)) {
        if (included.size() >= MAX_EXTRINSICS_PER_BLOCK) {
          break;
        }
        long accountNonce = state.nonce(e.signer());
        if (e.nonce() > accountNonce) {
          continue;
        }
        UncheckedExtrinsic.Signed signed = e.xt().signed().orElseThrow();
        Optional<Rejection> invalid = check(signed, e.xt().call(), e.call(), number, ctx);
        pool.remove(e);
        if (invalid.isPresent()) {
          LOG.debug("block #{}: dropping {} from {}: {}", number, e.call().name(), e.signer(), invalid.get().describe());
          dropped.add(e);
          continue;
        }
        state.setNonce(e.signer(), accountNonce + 1);
        int index = included.size();
        Optional<DispatchError> failure = runtime.dispatch(e.signer(), e.call(), index);
        RuntimeEvent outcome = failure.<RuntimeEvent>map(
                err -> new RuntimeEvent.ExtrinsicFailed(err, RuntimeEvent.DispatchInfo.FREE_NORMAL))
            .orElse(new RuntimeEvent.ExtrinsicSuccess(RuntimeEvent.DispatchInfo.FREE_NORMAL));
        state.deposit(new EventRecord(index, outcome));
        failure.ifPresent(err -> LOG.info("block #{}: {} from {} failed: {}", number, e.call().name(), e.signer(),
            err.describe()));
        included.add(e);
        progress = true;
      }
    }
    Storage storage = StorageLayout.render(state, parent.hash().bytes());
    List<byte[]> bodies = included.stream().map(e -> e.xt().encoded()).toList();
    BlockHeader header = new BlockHeader(number, parent.hash().bytes(), storage.root(), extrinsicsRoot(bodies));
    Hash hash = new Hash(header.hash());
    BlockRecord record = new BlockRecord(header, hash, bodies, storage, state.subnet().snapshot());
    index(header);
    remember(record);
    try {
      store.persist(header, genesisHash, state, storage);
    } catch (KinitroException ex) {
      LOG.error("block #{} is not saved; a restart will resume from an earlier block: {}", number, ex.getMessage());
    }
    if (!included.isEmpty() || LOG.isDebugEnabled()) {
      LOG.info("block #{} {} with {} extrinsic(s)", number, hash, included.size());
    }
    for (PoolEntry e : dropped) {
      notify(e, TxStatus.of(TxStatus.Kind.INVALID));
    }
    for (PoolEntry e : included) {
      notify(e, TxStatus.inBlock(hash));
      notify(e, TxStatus.finalized(hash));
    }
    dropStale();
    included.stream().map(PoolEntry::signer).distinct().forEach(this::promote);
    for (NodeListener listener : listeners) {
      notifier.execute(() -> safely(() -> listener.onNewBlock(record)));
    }
    return new Produced<>(record, value);
  }

  /** Pool entries whose nonce was used meanwhile can never be included. */
  private void dropStale() {
    for (PoolEntry e : List.copyOf(pool)) {
      if (e.nonce() < state.nonce(e.signer())) {
        pool.remove(e);
        notify(e, TxStatus.of(TxStatus.Kind.INVALID));
      }
    }
  }

  private void notify(PoolEntry entry, TxStatus status) {
    entry.watcher().ifPresent(w -> notifier.execute(() -> safely(() -> w.onStatus(status))));
  }

  private static void safely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("a chain listener failed: {}", e.toString());
    }
  }

  private void index(BlockHeader header) {
    headers.add(header);
    numbers.put(new Hash(header.hash()), header.number());
  }

  private void remember(BlockRecord record) {
    recent.put(record.number(), record);
    while (recent.size() > RECENT_BLOCKS) {
      recent.pollFirstEntry();
    }
    head = record;
  }

  /** The dev chain's extrinsics root: blake2b-256 of the SCALE-encoded body ({@code Vec} of extrinsics). */
  static byte[] extrinsicsRoot(List<byte[]> extrinsics) {
    ScaleWriter w = new ScaleWriter();
    w.compact(extrinsics.size());
    extrinsics.forEach(w::fixedBytes);
    return Hashing.blake2b256(w.toByteArray());
  }

  private Optional<Long> blockHashItem(byte[] key) {
    byte[] prefix = StorageLayout.blockHashPrefix();
    if (key.length != prefix.length + 8 + 4 || !new StorageKeyBytes(key).startsWith(prefix)) {
      return Optional.empty();
    }
    byte[] encoded = Arrays.copyOfRange(key, prefix.length + 8, key.length);
    long n = ScaleReader.of(encoded).u32();
    return Arrays.equals(StorageLayout.blockHashKey(n), key) ? Optional.of(n) : Optional.empty();
  }

  /** {@code System.BlockHash(n)} exists in block {@code at}'s state for the last {@link #BLOCK_HASH_COUNT} parents. */
  private static boolean blockHashVisible(long at, long n) {
    return n < at && (n == 0 || n + BLOCK_HASH_COUNT >= at);
  }

  @Override
  public void close() {
    notifier.shutdown();
    try {
      if (!notifier.awaitTermination(2, TimeUnit.SECONDS)) {
        notifier.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
