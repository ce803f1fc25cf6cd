package ai.kinitro.common.wallet;

import static java.nio.charset.StandardCharsets.US_ASCII;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contents of btwallet keyfiles: which format a file is in, and the JSON inside.
 *
 * <p>The JSON object has the fields {@code accountId} and {@code publicKey} (both the 32-byte
 * public key as {@code 0x} + hex), {@code privateKey} ({@code 0x} + 64 bytes), {@code
 * secretPhrase}, {@code secretSeed} ({@code 0x} + 32 bytes) and {@code ss58Address}; any of them
 * may be null or absent. Hex is read with or without {@code 0x}, in either case.
 */
public final class Keyfile {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();
  private static final String RE_ENCRYPT_HINT =
      "re-encrypt it with a current btcli: open the wallet once with it (it offers to update the encryption) "
          + "or regenerate the key from your mnemonic with `btcli wallet regen-coldkey` / `regen-hotkey`";

  /** How a keyfile is stored. */
  public enum Format {
    /** Unencrypted JSON (usual for hotkeys and for {@code *pub.txt}). */
    PLAIN_JSON,
    /** {@code $NACL}: Argon2i + XSalsa20-Poly1305, see {@link NaclKeyfileCipher}. */
    NACL,
    /** Legacy Fernet encryption of old bittensor releases (base64, starts with {@code gAAAAA}). */
    LEGACY_FERNET,
    /** Legacy ansible-vault encryption of very old bittensor releases. */
    LEGACY_ANSIBLE_VAULT,
    /** Anything else. */
    UNKNOWN
  }

  private Keyfile() {}

  /** The format of raw keyfile bytes, judged by their first bytes. */
  public static Format detect(byte[] data) {
    Objects.requireNonNull(data, "data");
    if (NaclKeyfileCipher.isEncrypted(data)) {
      return Format.NACL;
    }
    if (startsWith(data, "$ANSIBLE_VAULT")) {
      return Format.LEGACY_ANSIBLE_VAULT;
    }
    if (startsWith(data, "gAAAAA")) {
      return Format.LEGACY_FERNET;
    }
    for (byte b : data) {
      if (b == '{') {
        return Format.PLAIN_JSON;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        break;
      }
    }
    // A UTF-8 byte order mark before the JSON.
    if (data.length > 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf
        && data[3] == '{') {
      return Format.PLAIN_JSON;
    }
    return Format.UNKNOWN;
  }

  /**
   * Refuses the legacy and unknown formats with {@link ErrorCode#UNSUPPORTED_WALLET_FORMAT}; the
   * message names {@code what} (a path or "keyfile") and says how to fix it.
   */
  public static void requireSupported(Format format, String what) {
    switch (format) {
      case PLAIN_JSON, NACL -> {}
      case LEGACY_FERNET -> throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          what + " uses the legacy Fernet encryption of old bittensor releases, which Kinitro does not read: "
              + RE_ENCRYPT_HINT);
      case LEGACY_ANSIBLE_VAULT -> throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          what + " uses the legacy ansible-vault encryption of old bittensor releases, which Kinitro does not read: "
              + RE_ENCRYPT_HINT);
      case UNKNOWN -> throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          what + " is neither keyfile JSON nor a $NACL-encrypted keyfile; check that it is a bittensor wallet file");
    }
  }

  /** Parses the plain JSON of a keyfile. */
  public static KeyfileContents parseJson(byte[] json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      // The parser's message can quote file content (secrets): keep only the location.
      String where = e.getLocation() == null ? ""
          : " (near line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT, "the keyfile is not valid JSON" + where);
    }
    if (root == null || !root.isObject()) {
      throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT, "the keyfile JSON is not an object");
    }
    byte[] publicKey = hexField(root, "publicKey", 32);
    byte[] accountId = hexField(root, "accountId", 32);
    if (publicKey != null && accountId != null && !Arrays.equals(publicKey, accountId)) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "the keyfile's accountId and publicKey differ; the file is damaged or was edited by hand");
    }
    return new KeyfileContents(
        publicKey != null ? publicKey : accountId,
        hexField(root, "privateKey", KeySource.PrivateKey.LENGTH),
        stringField(root, "secretPhrase"),
        hexField(root, "secretSeed", KeySource.Seed.LENGTH),
        stringField(root, "ss58Address"));
  }

  /**
   * The keyfile JSON btwallet writes: all six fields, absent values as null, binary values as
   * {@code 0x} + lower-case hex.
   */
  public static byte[] toJson(KeyfileContents contents) {
    Objects.requireNonNull(contents, "contents");
    ObjectNode node = JSON.createObjectNode();
    putHex(node, "accountId", contents.publicKey());
    putHex(node, "publicKey", contents.publicKey());
    putHex(node, "privateKey", contents.privateKey());
    putString(node, "secretPhrase", contents.secretPhrase());
    putHex(node, "secretSeed", contents.secretSeed());
    putString(node, "ss58Address", contents.ss58Address());
    return JSON.writeValueAsBytes(node);
  }

  /** Null-checks, length-checks (INVALID_KEY) and copies a binary field. */
  static byte[] checkedCopy(byte[] value, int length, String name) {
    Objects.requireNonNull(value, name);
    if (value.length != length) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          name + " must be " + length + " bytes, got " + value.length);
    }
    return value.clone();
  }

  private static byte[] hexField(JsonNode root, String name, int length) {
    String text = stringField(root, name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (digits.length() != 2 * length || !isHex(digits)) {
      // Never echo the value: it may be a secret.
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "the keyfile field " + name + " must be " + length + " bytes as 0x + " + (2 * length) + " hex digits");
    }
    return HEX.parseHex(digits);
  }

  private static String stringField(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          "the keyfile field " + name + " must be a string or null");
    }
    return value.stringValue();
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  private static void putHex(ObjectNode node, String name, byte[] value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, "0x" + HEX.formatHex(value));
    }
  }

  private static void putString(ObjectNode node, String name, String value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  private static boolean startsWith(byte[] data, String prefix) {
    byte[] p = prefix.getBytes(US_ASCII);
    return data.length >= p.length && Arrays.equals(data, 0, p.length, p, 0, p.length);
  }
}
