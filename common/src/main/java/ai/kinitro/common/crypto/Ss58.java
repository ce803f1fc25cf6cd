package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SS58 addresses for 32-byte account ids (sr25519 public keys).
 *
 * <p>An address is {@code base58btc(prefix ‖ pub ‖ checksum)} where {@code checksum} is the first
 * two bytes of {@code blake2b-512("SS58PRE" ‖ prefix ‖ pub)}. The prefix encodes the network
 * format: formats 0..63 take one byte (the value itself); formats 64..16383 take two bytes, the
 * first in 64..127. Bittensor (and generic Substrate) use format {@value #DEFAULT_FORMAT}.
 *
 * <p>Decoding is strict: only 32-byte payloads, only the canonical prefix for a format (a format
 * below 64 written in the two-byte form is refused, so one account has one address per format),
 * and a matching checksum. Every failure is a {@link KinitroException} with {@link
 * ErrorCode#INVALID_KEY}.
 */
public final class Ss58 {
  /** The generic Substrate format, used by Bittensor. */
  public static final int DEFAULT_FORMAT = 42;

  /** The largest format the two-byte prefix can carry. */
  public static final int MAX_FORMAT = 16383;

  private static final int PUBLIC_KEY_LENGTH = 32;
  private static final int CHECKSUM_LENGTH = 2;
  private static final byte[] CHECKSUM_PREFIX = "SS58PRE".getBytes(US_ASCII);
  /** Longer inputs cannot be a 32-byte-account address; refusing early bounds the work. */
  private static final int MAX_ADDRESS_LENGTH = 64;

  private Ss58() {}

  /** A decoded address: the network format and the 32-byte public key (account id). */
  public record Address(int format, byte[] publicKey) {
    public Address {
      checkFormat(format);
      Objects.requireNonNull(publicKey, "publicKey");
      checkPublicKeyLength(publicKey);
      publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    /** The address string for this format and key. */
    public String encoded() {
      return encode(publicKey, format);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Address other && other.format == format && Arrays.equals(other.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
      return 31 * format + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
      return "Address[format=" + format + ", publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
    }
  }

  /** The address of {@code publicKey} in the default format (42). */
  public static String encode(byte[] publicKey) {
    return encode(publicKey, DEFAULT_FORMAT);
  }

  /** The address of the 32-byte {@code publicKey} in {@code format} (0..16383). */
  public static String encode(byte[] publicKey, int format) {
    Objects.requireNonNull(publicKey, "publicKey");
    checkPublicKeyLength(publicKey);
    checkFormat(format);
    byte[] prefix = prefixBytes(format);
    byte[] body = new byte[prefix.length + PUBLIC_KEY_LENGTH + CHECKSUM_LENGTH];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(publicKey, 0, body, prefix.length, PUBLIC_KEY_LENGTH);
    byte[] checksum = checksum(body, prefix.length + PUBLIC_KEY_LENGTH);
    System.arraycopy(checksum, 0, body, prefix.length + PUBLIC_KEY_LENGTH, CHECKSUM_LENGTH);
    return Base58.encode(body);
  }

  /** Decodes any supported format. */
  public static Address decode(String address) {
    Objects.requireNonNull(address, "address");
    if (address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH) {
      throw invalid("'" + shorten(address) + "' is not an SS58 address: expected about 48 base58 characters, got "
          + address.length());
    }
    byte[] data = Base58.decode(address);
    if (data.length == 0) {
      throw invalid("'" + address + "' is not an SS58 address: it decodes to no bytes");
    }
    int first = data[0] & 0xff;
    int format;
    int prefixLength;
    if (first < 64) {
      format = first;
      prefixLength = 1;
    } else if (first < 128) {
      if (data.length < 2) {
        throw invalid("'" + address + "' is not an SS58 address: it is too short");
      }
      int second = data[1] & 0xff;
      int lower = ((first << 2) | (second >> 6)) & 0xff;
      int upper = second & 0x3f;
      format = lower | (upper << 8);
      prefixLength = 2;
      if (format < 64) {
        throw invalid("'" + address + "' is not a canonical SS58 address: format " + format
            + " must use the one-byte prefix");
      }
    } else {
      throw invalid("'" + address + "' is not an SS58 address: the prefix byte " + first + " is reserved");
    }
    int expectedLength = prefixLength + PUBLIC_KEY_LENGTH + CHECKSUM_LENGTH;
    if (data.length != expectedLength) {
      throw invalid("'" + address + "' is not an SS58 address of a 32-byte account: it decodes to "
          + data.length + " bytes, expected " + expectedLength);
    }
    byte[] expected = checksum(data, prefixLength + PUBLIC_KEY_LENGTH);
    if (data[expectedLength - 2] != expected[0] || data[expectedLength - 1] != expected[1]) {
      throw invalid("'" + address + "' has a bad SS58 checksum: check it was copied completely and correctly");
    }
    return new Address(format, Arrays.copyOfRange(data, prefixLength, prefixLength + PUBLIC_KEY_LENGTH));
  }

  /** Decodes and requires {@code expectedFormat}; a different network's address is INVALID_KEY. */
  public static byte[] decodePublicKey(String address, int expectedFormat) {
    Address decoded = decode(address);
    if (decoded.format() != expectedFormat) {
      throw invalid("'" + address + "' is an SS58 address for format " + decoded.format() + ", expected format "
          + expectedFormat);
    }
    return decoded.publicKey();
  }

  /** The public key of a default-format (42) address. */
  public static byte[] decodePublicKey(String address) {
    return decodePublicKey(address, DEFAULT_FORMAT);
  }

  private static byte[] prefixBytes(int format) {
    if (format < 64) {
      return new byte[] {(byte) format};
    }
    int first = ((format & 0b1111_1100) >> 2) | 0b0100_0000;
    int second = (format >> 8) | ((format & 0b11) << 6);
    return new byte[] {(byte) first, (byte) second};
  }

  private static byte[] checksum(byte[] data, int length) {
    byte[] hash = Hashing.blake2b(512, CHECKSUM_PREFIX, Arrays.copyOf(data, length));
    return Arrays.copyOf(hash, CHECKSUM_LENGTH);
  }

  private static void checkFormat(int format) {
    if (format < 0 || format > MAX_FORMAT) {
      throw invalid("SS58 format " + format + " is out of range 0.." + MAX_FORMAT);
    }
  }

  private static void checkPublicKeyLength(byte[] publicKey) {
    if (publicKey.length != PUBLIC_KEY_LENGTH) {
      throw invalid("a public key must be " + PUBLIC_KEY_LENGTH + " bytes, got " + publicKey.length);
    }
  }

  private static String shorten(String s) {
    return s.length() <= MAX_ADDRESS_LENGTH ? s : s.substring(0, MAX_ADDRESS_LENGTH) + "...";
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_KEY, message);
  }

  /**
   * Base58 with the Bitcoin alphabet. Each leading zero byte is written as one '1'; there is no
   * checksum at this level.
   */
  public static final class Base58 {
    private static final char[] ALPHABET =
        "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
      Arrays.fill(INDEXES, -1);
      for (int i = 0; i < ALPHABET.length; i++) {
        INDEXES[ALPHABET[i]] = i;
      }
    }

    private Base58() {}

    public static String encode(byte[] input) {
      Objects.requireNonNull(input, "input");
      int zeros = 0;
      while (zeros < input.length && input[zeros] == 0) {
        zeros++;
      }
      // log(256)/log(58) ~ 1.366: enough digits for the big-endian number.
      char[] digits = new char[input.length * 138 / 100 + 1];
      int[] number = new int[digits.length];
      int size = 0;
      for (int i = zeros; i < input.length; i++) {
        int carry = input[i] & 0xff;
        for (int j = 0; j < size; j++) {
          carry += number[j] << 8;
          number[j] = carry % 58;
          carry /= 58;
        }
        while (carry > 0) {
          number[size++] = carry % 58;
          carry /= 58;
        }
      }
      StringBuilder out = new StringBuilder(zeros + size);
      out.repeat('1', zeros);
      for (int j = size - 1; j >= 0; j--) {
        out.append(ALPHABET[number[j]]);
      }
      return out.toString();
    }

    /** Decodes base58; a character outside the alphabet is INVALID_KEY naming it and its position. */
    public static byte[] decode(String input) {
      Objects.requireNonNull(input, "input");
      int zeros = 0;
      while (zeros < input.length() && input.charAt(zeros) == '1') {
        zeros++;
      }
      int[] number = new int[input.length()];
      int size = 0;
      for (int i = zeros; i < input.length(); i++) {
        char c = input.charAt(i);
        int digit = c < 128 ? INDEXES[c] : -1;
        if (digit < 0) {
          throw new KinitroException(ErrorCode.INVALID_KEY,
              "'" + shorten(input) + "' is not base58: character '" + c + "' at position " + (i + 1)
                  + " is not in the alphabet (0, O, I and l are never used)");
        }
        int carry = digit;
        for (int j = 0; j < size; j++) {
          carry += number[j] * 58;
          number[j] = carry & 0xff;
          carry >>>= 8;
        }
        while (carry > 0) {
          number[size++] = carry & 0xff;
          carry >>>= 8;
        }
      }
      byte[] out = new byte[zeros + size];
      for (int j = 0; j < size; j++) {
        out[zeros + j] = (byte) number[size - 1 - j];
      }
      return out;
    }
  }
}
