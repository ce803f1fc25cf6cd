package ai.kinitro.common.wallet;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Writes keyfiles the way btwallet reads them (for dev wallets and tooling): plain JSON or {@code
 * $NACL}-encrypted JSON. Files are created with mode 600 and directories created on the way with
 * mode 700 where the file system is POSIX; the content is written to a temporary file in the same
 * directory and moved into place, so a reader never sees half a keyfile.
 */
public final class KeyfileWriter {
  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

  private KeyfileWriter() {}

  /** Writes {@code contents} as plain JSON (hotkeys, {@code *pub.txt}). */
  public static void writePlain(Path path, KeyfileContents contents, boolean overwrite) {
    byte[] json = Keyfile.toJson(contents);
    try {
      writeBytes(path, json, overwrite);
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  /** Writes only the public parts of {@code contents} ({@code coldkeypub.txt}, {@code <hk>pub.txt}). */
  public static void writePublic(Path path, KeyfileContents contents, boolean overwrite) {
    writePlain(path, contents.withoutSecrets(), overwrite);
  }

  /**
   * Encrypts {@code contents} under {@code password} (Argon2i, seconds and 512 MiB of heap) with a
   * random nonce. The password array is not modified; the derived key is wiped.
   */
  public static void writeEncrypted(Path path, KeyfileContents contents, char[] password, boolean overwrite) {
    Objects.requireNonNull(password, "password");
    byte[] key = NaclKeyfileCipher.deriveKey(password);
    try {
      writeEncryptedWithKey(path, contents, key, overwrite);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Encrypts with an already derived key ({@link NaclKeyfileCipher#deriveKey}), for writing several
   * files under one password without paying for Argon2 each time.
   */
  public static void writeEncryptedWithKey(Path path, KeyfileContents contents, byte[] key, boolean overwrite) {
    byte[] json = Keyfile.toJson(contents);
    try {
      writeBytes(path, NaclKeyfileCipher.encrypt(json, key), overwrite);
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  private static void writeBytes(Path path, byte[] data, boolean overwrite) {
    Objects.requireNonNull(path, "path");
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path temp = null;
    try {
      if (!overwrite && Files.exists(target)) {
        throw alreadyExists(target);
      }
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE));
      } else {
        Files.createDirectories(dir);
        temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", new FileAttribute<?>[0]);
      }
      Files.write(temp, data);
      if (overwrite) {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.move(temp, target);
      }
      temp = null;
      if (posix) {
        Files.setPosixFilePermissions(target, FILE_MODE);
      }
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(target);
    } catch (AccessDeniedException e) {
      throw new KinitroException(ErrorCode.PERMISSION_DENIED,
          "cannot write the keyfile " + target + ": permission denied", e);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INTERNAL_ERROR,
          "cannot write the keyfile " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temporary file holds the same bytes the caller wanted written.
        }
      }
    }
  }

  private static KinitroException alreadyExists(Path target) {
    return new KinitroException(ErrorCode.ALREADY_EXISTS,
        "a keyfile already exists at " + target + "; move it away first or ask to overwrite it");
  }
}
