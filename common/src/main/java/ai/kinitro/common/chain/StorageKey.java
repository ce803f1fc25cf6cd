package ai.kinitro.common.chain;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.scale.ScaleWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A raw storage key: {@code twox128(pallet) ++ twox128(item) ++ hasher(key1) ++ hasher(key2) ...}.
 * With fewer keys than the map has, the result is a prefix for {@code state_getKeysPaged}.
 *
 * <pre>{@code
 * StorageKey key = StorageKey.builder("Commitments", "CommitmentOf")
 *     .u16Key(StorageHasher.IDENTITY, netuid)
 *     .key(StorageHasher.TWOX_64_CONCAT, hotkey.bytes())
 *     .build();
 * }</pre>
 */
public record StorageKey(byte[] bytes) {
  public StorageKey {
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  public static Builder builder(String pallet, String item) {
    return new Builder(pallet, item);
  }

  /** The key of a plain (non-map) storage value, or the prefix of every entry of a map. */
  public static StorageKey plain(String pallet, String item) {
    return builder(pallet, item).build();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code 0x}-prefixed lowercase hex, as JSON-RPC wants it. */
  public String toHex() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageKey that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }

  /** Appends hashed keys in the order the map declares them. */
  public static final class Builder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Builder(String pallet, String item) {
      out.writeBytes(Hashing.twox128(pallet.getBytes(StandardCharsets.UTF_8)));
      out.writeBytes(Hashing.twox128(item.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds a key given as its SCALE encoding. */
    public Builder key(StorageHasher hasher, byte[] scaleEncodedKey) {
      out.writeBytes(hasher.apply(scaleEncodedKey));
      return this;
    }

    /** Adds a u16 key (NetUid, NetUidStorageIndex, uid). */
    public Builder u16Key(StorageHasher hasher, int value) {
      return key(hasher, new ScaleWriter(2).u16(value).toByteArray());
    }

    /** Adds a u64 key (an epoch, for example). */
    public Builder u64Key(StorageHasher hasher, long value) {
      return key(hasher, new ScaleWriter(8).u64(value).toByteArray());
    }

    /** Adds an account key (its 32 bytes). */
    public Builder accountKey(StorageHasher hasher, AccountId account) {
      return key(hasher, account.bytes());
    }

    public StorageKey build() {
      return new StorageKey(out.toByteArray());
    }
  }
}
