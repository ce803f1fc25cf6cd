package ai.kinitro.rollout.submission;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a submission archive ({@code .tar.gz}) and extracts it into a fresh directory, before
 * anything from it runs. In order: the archive size, its SHA-256 against the expected value, then
 * per entry: no absolute path, no {@code ..}, no duplicate, no device/FIFO/other special file, the
 * entry count and the unpacked byte count. Hard links become copies of a file already extracted.
 * Symbolic links are created last (nothing is ever written through one) and must resolve, on
 * disk, to something inside the root. Files are left read-only. Any failure deletes what was
 * extracted.
 */
public final class SubmissionArchive {

  private SubmissionArchive() {}

  /**
   * Verifies {@code archive} and extracts it into a new directory under {@code workDir}; returns
   * the submission with its manifest read.
   */
  public static Submission extract(Path archive, String expectedSha256, Path workDir, ArchiveLimits limits) {
    String expected = expectedSha256.trim().toLowerCase(Locale.ROOT);
    if (!expected.matches("[0-9a-f]{64}")) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "The expected SHA-256 must be 64 hex digits");
    }
    try {
      long size = Files.size(archive);
      if (size > limits.maxArchiveBytes()) {
        throw new KinitroException(ErrorCode.ARCHIVE_TOO_LARGE,
            "The archive has " + size + " bytes; the limit is " + limits.maxArchiveBytes());
      }
      String actual = sha256(archive);
      if (!actual.equals(expected)) {
        throw new KinitroException(ErrorCode.ARCHIVE_CHECKSUM_MISMATCH,
            "The archive's SHA-256 is " + actual + " but " + expected + " was expected");
      }
      Files.createDirectories(workDir);
      Path root = Files.createTempDirectory(workDir, "submission-");
      try {
        unpack(archive, root, limits);
        return new Submission(root, SubmissionManifest.read(root));
      } catch (RuntimeException e) {
        deleteTree(root);
        throw e;
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.AGENT_RUNTIME_FAILED, "Could not read or extract the archive: " + e, e);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private record Link(Path at, String target, String name) {}

  private static void unpack(Path archive, Path root, ArchiveLimits limits) throws IOException {
    Set<String> files = new HashSet<>();
    Set<String> dirs = new HashSet<>();
    Map<String, Link> links = new HashMap<>();
    List<Link> symlinks = new ArrayList<>();
    long unpacked = 0;
    int entries = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw, true);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      TarArchiveEntry e;
      while ((e = nextEntry(tar)) != null) {
        if (++entries > limits.maxEntries()) {
          throw new KinitroException(ErrorCode.ARCHIVE_TOO_MANY_FILES,
              "The archive has more than " + limits.maxEntries() + " entries");
        }
        List<String> segments = SafePaths.check(e.getName());
        if (segments.isEmpty()) {
          if (e.isDirectory()) {
            continue;
          }
          throw new KinitroException(ErrorCode.ARCHIVE_MALFORMED, "An entry has an empty name");
        }
        String name = SafePaths.join(segments);
        checkNotUnderLink(name, links);
        if (e.isDirectory()) {
          if (files.contains(name) || links.containsKey(name)) {
            throw duplicate(name);
          }
          addParents(segments, dirs, files, links);
          dirs.add(name);
          Files.createDirectories(root.resolve(name));
          continue;
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO() || (!e.isFile() && !e.isSymbolicLink() && !e.isLink())
            || e.isSparse()) {
          throw new KinitroException(ErrorCode.ARCHIVE_SPECIAL_FILE,
              "Entry '" + name + "' is a device, FIFO or other special file");
        }
        if (files.contains(name) || dirs.contains(name) || links.containsKey(name)) {
          throw duplicate(name);
        }
        addParents(segments, dirs, files, links);
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        if (e.isSymbolicLink()) {
          Link link = new Link(target, e.getLinkName(), name);
          checkLexically(root, link);
          links.put(name, link);
          symlinks.add(link);
        } else if (e.isLink()) {
          List<String> from = SafePaths.check(e.getLinkName());
          String fromName = SafePaths.join(from);
          if (!files.contains(fromName)) {
            throw new KinitroException(ErrorCode.ARCHIVE_LINK_ESCAPES, "Hard link '" + name + "' points to '"
                + e.getLinkName() + "', which is not a file extracted before it");
          }
          unpacked += Files.size(root.resolve(fromName));
          checkSize(unpacked, limits);
          Files.copy(root.resolve(fromName), target);
          files.add(name);
        } else {
          try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = tar.read(buf)) > 0) {
              unpacked += n;
              checkSize(unpacked, limits);
              out.write(buf, 0, n);
            }
          }
          boolean executable = (e.getMode() & 0111) != 0;
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "r-xr-xr-x" : "r--r--r--"));
          files.add(name);
        }
      }
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      if (e instanceof IOException io && isLocalFailure(io)) {
        throw io;
      }
      throw new KinitroException(ErrorCode.ARCHIVE_MALFORMED, "The archive is not a readable tar.gz: " + e.getMessage(), e);
    }
    for (Link link : symlinks) {
      Files.createSymbolicLink(link.at(), link.at().getFileSystem().getPath(link.target()));
    }
    Path realRoot = root.toRealPath();
    for (Link link : symlinks) {
      Path resolved;
      try {
        resolved = link.at().toRealPath();
      } catch (IOException missing) {
        throw new KinitroException(ErrorCode.ARCHIVE_LINK_ESCAPES,
            "Symbolic link '" + link.name() + "' -> '" + link.target() + "' points to nothing inside the archive");
      }
      if (!resolved.startsWith(realRoot)) {
        throw escapes(link);
      }
    }
  }

  /** Local write failures (disk full, permissions) are ours, not the archive's. */
  private static boolean isLocalFailure(IOException e) {
    return e instanceof java.nio.file.FileSystemException && !(e instanceof DirectoryNotEmptyException);
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
    return tar.getNextEntry();
  }

  private static void checkSize(long unpacked, ArchiveLimits limits) {
    if (unpacked > limits.maxUnpackedBytes()) {
      throw new KinitroException(ErrorCode.ARCHIVE_TOO_LARGE,
          "The archive unpacks to more than " + limits.maxUnpackedBytes() + " bytes");
    }
  }

  /** Every parent of an entry is a directory; one that is already a file or link is a clash. */
  private static void addParents(List<String> segments, Set<String> dirs, Set<String> files, Map<String, Link> links) {
    for (int i = 1; i < segments.size(); i++) {
      String parent = SafePaths.join(segments.subList(0, i));
      if (files.contains(parent) || links.containsKey(parent)) {
        throw duplicate(parent);
      }
      dirs.add(parent);
    }
  }

  private static void checkNotUnderLink(String name, Map<String, Link> links) {
    for (String link : links.keySet()) {
      if (name.startsWith(link + "/")) {
        throw new KinitroException(ErrorCode.ARCHIVE_LINK_ESCAPES,
            "Entry '" + name + "' would be written through symbolic link '" + link + "'");
      }
    }
  }

  /** The link's target, read relative to the link's directory, must stay inside the root. */
  private static void checkLexically(Path root, Link link) {
    String t = link.target();
    if (t.isEmpty() || t.startsWith("/") || t.startsWith("\\") || t.indexOf('\0') >= 0) {
      throw escapes(link);
    }
    Path resolved = link.at().getParent().resolve(t).normalize();
    if (!resolved.startsWith(root)) {
      throw escapes(link);
    }
  }

  private static KinitroException escapes(Link link) {
    return new KinitroException(ErrorCode.ARCHIVE_LINK_ESCAPES,
        "Symbolic link '" + link.name() + "' -> '" + link.target() + "' points outside the archive root");
  }

  private static KinitroException duplicate(String name) {
    return new KinitroException(ErrorCode.ARCHIVE_DUPLICATE_ENTRY, "The archive has more than one entry at '" + name + "'");
  }

  /** Deletes a directory tree, making read-only parts writable first. Best effort. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          dir.toFile().setWritable(true, true);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + root, e);
    }
  }
}
