package ai.kinitro.miner.pack;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds {@code submission.tar.gz} from an agent folder, reproducibly: the same folder always
 * gives the same bytes, so the SHA-256 a miner commits to identifies the content alone. Entries
 * are sorted by path, directories are implied, times are the epoch, owner and group are 0, modes
 * are 0644 (0755 for executables), and the gzip header carries no time or name.
 *
 * <p>Left out: version-control and build clutter ({@code .git/}, {@code .kinitro/}, {@code
 * __pycache__/}, {@code *.pyc}, {@code .venv/}, {@code .DS_Store}), the miner's own {@code
 * miner.toml}, and the patterns in a {@code .kinitroignore} file (one glob per line, {@code #} comments). Symbolic links are refused: the
 * evaluator extracts archives with no links, so a link would silently break the agent.
 */
public final class SubmissionPackager {
  public static final String IGNORE_FILE = ".kinitroignore";
  private static final List<String> ALWAYS_IGNORED =
      List.of(".git/**", ".kinitro/**", "**/__pycache__/**", "**/*.pyc", ".venv/**", "**/.DS_Store", "submission.tar.gz",
          "miner.toml");
  private static final FileTime EPOCH = FileTime.fromMillis(0);

  private final long maxBytes;

  /** @param maxBytes refuse to build archives larger than this (compressed) */
  public SubmissionPackager(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The files that would be packaged, relative to {@code folder}, in archive order. */
  public List<String> files(Path folder) {
    Path root = requireFolder(folder);
    List<PathMatcher> ignored = ignoreMatchers(root);
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (path.equals(root)) {
          continue;
        }
        Path relative = root.relativize(path);
        String name = relative.toString().replace('\\', '/');
        if (isIgnored(ignored, relative, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
          continue;
        }
        if (Files.isSymbolicLink(path)) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + name + "' is a symbolic link; submissions "
              + "cannot contain links. Copy the file it points to, or list it in " + IGNORE_FILE);
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          files.add(name);
        } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + name + "' is not a regular file");
        }
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Cannot read the agent folder " + root + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "The agent folder " + root + " has no files to package");
    }
    files.sort(null);
    return files;
  }

  /** Writes the archive to {@code output} (atomically) and returns its hash and size. */
  public PackagedSubmission pack(Path folder, Path output) {
    Path root = requireFolder(folder);
    List<String> files = files(root);
    MessageDigest sha256 = sha256();
    Path tmp = null;
    try {
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, ".submission", ".tmp");
      long size;
      try (OutputStream file = Files.newOutputStream(tmp);
          CountingOutputStream counted = new CountingOutputStream(new BufferedOutputStream(file), maxBytes);
          DigestOutputStream digest = new DigestOutputStream(counted, sha256);
          GZIPOutputStream gzip = new FixedLevelGzip(digest);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (String name : files) {
          Path source = root.resolve(name);
          TarArchiveEntry entry = new TarArchiveEntry(name);
          entry.setSize(Files.size(source));
          entry.setMode(Files.isExecutable(source) ? 0100755 : 0100644);
          entry.setModTime(EPOCH);
          entry.setUserId(0);
          entry.setGroupId(0);
          entry.setUserName("");
          entry.setGroupName("");
          tar.putArchiveEntry(entry);
          try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(tar);
          }
          tar.closeArchiveEntry();
        }
        tar.finish();
        gzip.finish();
        digest.flush();
        size = counted.count();
      }
      Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      return new PackagedSubmission(output, HexFormat.of().formatHex(sha256.digest()), size, files.size());
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Could not write " + output + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  private static Path requireFolder(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "The agent folder " + root + " does not exist or is not a folder");
    }
    return root;
  }

  private static List<PathMatcher> ignoreMatchers(Path root) {
    List<String> patterns = new ArrayList<>(ALWAYS_IGNORED);
    Path ignoreFile = root.resolve(IGNORE_FILE);
    if (Files.isRegularFile(ignoreFile)) {
      try {
        Files.readAllLines(ignoreFile).stream().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(line -> {
              String glob = line.endsWith("/") ? line + "**" : line;
              patterns.add(glob);
              if (!glob.startsWith("**/")) {
                patterns.add("**/" + glob);
              }
            });
      } catch (IOException e) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Cannot read " + ignoreFile + ": " + e.getMessage(), e);
      }
    }
    return patterns.stream().map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
  }

  private static boolean isIgnored(List<PathMatcher> matchers, Path relative, boolean directory) {
    for (PathMatcher m : matchers) {
      if (m.matches(relative) || directory && m.matches(relative.resolve("x"))) {
        return true;
      }
    }
    return false;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** gzip at a fixed level; the JDK writes a header with no time, no name and OS 0. */
  private static final class FixedLevelGzip extends GZIPOutputStream {
    FixedLevelGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }

  /** Counts bytes and stops a runaway archive at the size limit. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private final long limit;
    private long count;

    CountingOutputStream(OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      add(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      add(len);
      out.write(b, off, len);
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
            "The archive is larger than the limit of " + limit + " bytes; remove large files or list them in " + IGNORE_FILE);
      }
    }

    long count() {
      return count;
    }
  }
}
