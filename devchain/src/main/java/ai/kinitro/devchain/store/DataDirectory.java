package ai.kinitro.devchain.store;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.node.BlockHeader;
import ai.kinitro.devchain.node.Hash;
import ai.kinitro.devchain.runtime.ChainState;
import ai.kinitro.devchain.runtime.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory: {@code state.json} (the head snapshot, replaced atomically after each block),
 * {@code headers.bin} (one 104-byte record per block: number u64 LE, parent hash, state root,
 * extrinsics root) and {@code lock} (held while a dev chain runs, so two cannot share it).
 *
 * <p>Per block the header is appended first, then the snapshot is written to {@code
 * state.json.tmp}, forced to disk and renamed over {@code state.json}. A crash at any point leaves
 * either the old or the new snapshot; headers beyond the snapshot's head are cut off on load.
 */
public final class DataDirectory implements ChainStore {
  public static final String SNAPSHOT = "state.json";
  public static final String HEADERS = "headers.bin";
  static final int RECORD = 8 + 32 * 3;
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel headers;
  private long headerCount;

  private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Opens (creating if needed) and locks {@code dir}. */
  public static DataDirectory open(Path dir) {
    try {
      Files.createDirectories(dir);
      FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another dev chain in this JVM
      }
      if (lock == null) {
        channel.close();
        throw new KinitroException(ErrorCode.DEVCHAIN_CONFIG_INVALID, "another dev chain is using the data directory "
            + dir + "; stop it or choose another --data directory");
      }
      return new DataDirectory(dir, channel, lock);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.DEVCHAIN_STATE_WRITE_FAILED, "cannot open the data directory " + dir + ": "
          + e.getMessage(), e);
    }
  }

  public Path path() {
    return dir;
  }

  @Override
  public Optional<StoredChain> load(Hash genesisHash) {
    try {
      headers = FileChannel.open(dir.resolve(HEADERS), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      Path snapshotFile = dir.resolve(SNAPSHOT);
      if (!Files.exists(snapshotFile)) {
        headers.truncate(0);
        headerCount = 0;
        return Optional.empty();
      }
      StateCodec.Snapshot snapshot = StateCodec.decode(Files.readAllBytes(snapshotFile));
      if (!snapshot.genesisHash().equals(genesisHash.toHex())) {
        throw unreadable("the data directory " + dir + " holds a chain with genesis " + snapshot.genesisHash()
            + " but this genesis hashes to " + genesisHash.toHex() + "; use another --data directory or delete this one"
            + " to start over");
      }
      List<BlockHeader> list = readHeaders(snapshot.headNumber());
      BlockHeader head = list.getLast();
      if (!new Hash(head.hash()).toHex().equals(snapshot.headHash())) {
        throw unreadable("the header log of " + dir + " does not lead to the snapshot's head " + snapshot.headHash());
      }
      if (!Arrays.equals(head.stateRoot(), snapshot.headStorage().root())) {
        throw unreadable("the snapshot's storage in " + dir + " does not match the state root of block "
            + head.number());
      }
      headers.truncate((long) list.size() * RECORD);
      headerCount = list.size();
      return Optional.of(new StoredChain(list, snapshot.state(), snapshot.headStorage()));
    } catch (IOException e) {
      throw unreadable("cannot read the data directory " + dir + ": " + e.getMessage());
    }
  }

  private List<BlockHeader> readHeaders(long headNumber) throws IOException {
    long size = headers.size();
    long available = size / RECORD;
    if (available < headNumber + 1) {
      throw unreadable("the header log of " + dir + " has " + available + " headers but the snapshot's head is block "
          + headNumber);
    }
    List<BlockHeader> list = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.allocate(RECORD).order(ByteOrder.LITTLE_ENDIAN);
    for (long n = 0; n <= headNumber; n++) {
      buffer.clear();
      headers.read(buffer, n * RECORD);
      buffer.flip();
      long number = buffer.getLong();
      if (number != n) {
        throw unreadable("header record " + n + " of " + dir + " says block " + number);
      }
      byte[] parent = new byte[32];
      byte[] stateRoot = new byte[32];
      byte[] extrinsicsRoot = new byte[32];
      buffer.get(parent).get(stateRoot).get(extrinsicsRoot);
      BlockHeader header = new BlockHeader(number, parent, stateRoot, extrinsicsRoot);
      if (n > 0 && !Arrays.equals(parent, list.getLast().hash())) {
        throw unreadable("header " + n + " of " + dir + " does not follow header " + (n - 1));
      }
      list.add(header);
    }
    return list;
  }

  @Override
  public void persist(BlockHeader header, Hash genesisHash, ChainState state, Storage storage) {
    try {
      if (headers == null) {
        throw new KinitroException(ErrorCode.INTERNAL_ERROR, "load must be called before persist");
      }
      if (header.number() != headerCount) {
        throw new KinitroException(ErrorCode.INTERNAL_ERROR, "block " + header.number() + " follows " + headerCount
            + " stored headers");
      }
      ByteBuffer record = ByteBuffer.allocate(RECORD).order(ByteOrder.LITTLE_ENDIAN);
      record.putLong(header.number()).put(header.parentHash()).put(header.stateRoot()).put(header.extrinsicsRoot());
      record.flip();
      headers.write(record, headerCount * RECORD);
      headers.force(false);
      headerCount++;
      byte[] json = StateCodec.encode(genesisHash.toHex(), header.number(), new Hash(header.hash()).toHex(), state,
          storage);
      writeAtomically(dir.resolve(SNAPSHOT), json);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.DEVCHAIN_STATE_WRITE_FAILED, "cannot write block " + header.number()
          + " to " + dir + ": " + e.getMessage(), e);
    }
  }

  private void writeAtomically(Path target, byte[] content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {} (not supported here): {}", dir, e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      if (headers != null) {
        headers.close();
      }
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("closing the data directory {} failed: {}", dir, e.getMessage());
    }
  }

  private static KinitroException unreadable(String message) {
    return new KinitroException(ErrorCode.DEVCHAIN_STATE_UNREADABLE, message);
  }
}
