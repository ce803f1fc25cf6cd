package ai.kinitro.common.wallet;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads btwallet keyfiles: detects plain JSON versus {@code $NACL} encryption, asks the {@link
 * PasswordSource} only for encrypted files, refuses legacy formats, and wipes the password, the
 * derived key and the decrypted bytes once the contents are parsed.
 */
public final class Wallets {
  /** Real keyfiles are well under a kilobyte; anything this large is not one. */
  static final int MAX_KEYFILE_BYTES = 64 * 1024;

  private Wallets() {}

  /** Reads and, if needed, decrypts the keyfile at {@code path}. */
  public static KeyfileContents readKeyfile(Path path, PasswordSource passwords) {
    return readKeyfile(path, passwords, NaclKeyfileCipher::deriveKey);
  }

  /** The wallet's coldkey (usually encrypted). */
  public static KeyfileContents readColdkey(WalletLocator locator, PasswordSource passwords) {
    return readKeyfile(locator.requireExisting(locator.coldkeyPath()), passwords);
  }

  /** The wallet's public coldkey file, {@code coldkeypub.txt} (never encrypted). */
  public static KeyfileContents readColdkeyPub(WalletLocator locator) {
    return readKeyfile(locator.requireExisting(locator.coldkeyPubPath()), PasswordSource.none());
  }

  /** The selected hotkey (usually plain). */
  public static KeyfileContents readHotkey(WalletLocator locator, PasswordSource passwords) {
    return readKeyfile(locator.requireExisting(locator.hotkeyPath()), passwords);
  }

  /** The selected hotkey's public file, {@code hotkeys/<name>pub.txt}. */
  public static KeyfileContents readHotkeyPub(WalletLocator locator) {
    return readKeyfile(locator.requireExisting(locator.hotkeyPubPath()), PasswordSource.none());
  }

  /** As {@link #readKeyfile(Path, PasswordSource)} with a replaceable key derivation (tests). */
  static KeyfileContents readKeyfile(Path path, PasswordSource passwords, Function<char[], byte[]> deriveKey) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(passwords, "passwords");
    byte[] data = readBounded(path);
    try {
      return decode(data, path, passwords, deriveKey);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /** Decodes keyfile bytes that came from {@code origin} (used only in messages and prompts). */
  static KeyfileContents decode(byte[] data, Path origin, PasswordSource passwords, Function<char[], byte[]> deriveKey) {
    Keyfile.Format format = Keyfile.detect(data);
    Keyfile.requireSupported(format, "the keyfile " + origin);
    if (format == Keyfile.Format.PLAIN_JSON) {
      return withOrigin(origin, () -> Keyfile.parseJson(data));
    }
    char[] password = passwords.password(origin);
    if (password == null) {
      throw new KinitroException(ErrorCode.WRONG_PASSWORD,
          "the keyfile " + origin + " is encrypted and no password was given");
    }
    byte[] key = null;
    byte[] plaintext = null;
    try {
      key = deriveKey.apply(password);
      byte[] k = key;
      plaintext = withOrigin(origin, () -> NaclKeyfileCipher.decrypt(data, k));
      byte[] p = plaintext;
      return withOrigin(origin, () -> Keyfile.parseJson(p));
    } finally {
      Arrays.fill(password, '\0');
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  private static byte[] readBounded(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] data = in.readNBytes(MAX_KEYFILE_BYTES + 1);
      if (data.length > MAX_KEYFILE_BYTES) {
        Arrays.fill(data, (byte) 0);
        throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
            "the keyfile " + path + " is larger than " + MAX_KEYFILE_BYTES + " bytes, so it is not a bittensor keyfile");
      }
      return data;
    } catch (NoSuchFileException e) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "no keyfile at " + path, e);
    } catch (AccessDeniedException e) {
      throw new KinitroException(ErrorCode.PERMISSION_DENIED,
          "cannot read the keyfile " + path + ": permission denied (check the file's owner and mode)", e);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR, "cannot read the keyfile " + path + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code step}, adding the file name to the message of a KinitroException it throws. */
  private static <T> T withOrigin(Path origin, Supplier<T> step) {
    try {
      return step.get();
    } catch (KinitroException e) {
      throw new KinitroException(e.code(), "keyfile " + origin + ": " + e.getMessage(), e);
    }
  }
}
