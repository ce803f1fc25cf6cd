package ai.kinitro.miner.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionPackagerTest {
  @TempDir Path dir;
  private final SubmissionPackager packager = new SubmissionPackager(10_000_000);

  private Path agent() throws IOException {
    Path agent = Files.createDirectories(dir.resolve("agent"));
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\":\"command\",\"command\":[\"python3\",\"agent.py\"]}");
    Files.writeString(agent.resolve("agent.py"), "print('hello')\n");
    Files.createDirectories(agent.resolve("policy"));
    Files.write(agent.resolve("policy/weights.bin"), new byte[] {1, 2, 3});
    Path run = Files.writeString(agent.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(agent.resolve(".git/objects"));
    Files.writeString(agent.resolve(".git/HEAD"), "ref: x");
    Files.createDirectories(agent.resolve("__pycache__"));
    Files.writeString(agent.resolve("__pycache__/agent.cpython-311.pyc"), "junk");
    return agent;
  }

  @Test
  void packagingTheSameFolderTwiceGivesByteIdenticalArchives() throws IOException {
    Path agent = agent();
    PackagedSubmission first = packager.pack(agent, dir.resolve("a.tar.gz"));
    Files.setLastModifiedTime(agent.resolve("agent.py"), FileTime.fromMillis(1_700_000_000_000L));
    PackagedSubmission second = packager.pack(agent, dir.resolve("b.tar.gz"));

    assertThat(Files.readAllBytes(second.archive())).isEqualTo(Files.readAllBytes(first.archive()));
    assertThat(second.sha256()).isEqualTo(first.sha256());
  }

  @Test
  void theReportedHashAndSizeAreThoseOfTheFile() throws IOException {
    PackagedSubmission packed = packager.pack(agent(), dir.resolve("s.tar.gz"));
    byte[] bytes = Files.readAllBytes(packed.archive());
    assertThat(packed.sizeBytes()).isEqualTo(bytes.length);
    assertThat(packed.sha256()).isEqualTo(HexFormat.of().formatHex(Hashing.sha256(bytes)));
    assertThat(packed.fileCount()).isEqualTo(4);
  }

  @Test
  void entriesAreSortedWithFixedTimesOwnersAndModesAndClutterIsLeftOut() throws IOException {
    PackagedSubmission packed = packager.pack(agent(), dir.resolve("s.tar.gz"));
    List<TarArchiveEntry> entries = read(packed.archive());

    assertThat(entries).extracting(TarArchiveEntry::getName)
        .containsExactly("agent.py", "kinitro-agent.json", "policy/weights.bin", "run.sh");
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.getModTime().getTime()).isZero();
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
    });
    assertThat(entries.get(3).getMode() & 0777).isEqualTo(0755);
    assertThat(entries.get(0).getMode() & 0777).isEqualTo(0644);
  }

  @Test
  void theIgnoreFileLeavesOutWhatItLists() throws IOException {
    Path agent = agent();
    Files.writeString(agent.resolve(SubmissionPackager.IGNORE_FILE), "# data\npolicy/\n*.sh\n");
    assertThat(packager.files(agent)).containsExactly(".kinitroignore", "agent.py", "kinitro-agent.json");
  }

  @Test
  void aSymbolicLinkIsRefusedWithAFix() throws IOException {
    Path agent = agent();
    Files.createSymbolicLink(agent.resolve("link"), Path.of("/etc/passwd"));
    assertThatThrownBy(() -> packager.pack(agent, dir.resolve("s.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("symbolic link");
  }

  @Test
  void anArchiveOverTheLimitIsRefusedAndLeavesNoFileBehind() throws IOException {
    Path agent = agent();
    byte[] noise = new byte[200_000];
    new java.util.Random(1).nextBytes(noise);
    Files.write(agent.resolve("big.bin"), noise);
    Path out = dir.resolve("s.tar.gz");
    assertThatThrownBy(() -> new SubmissionPackager(50_000).pack(agent, out)).hasMessageContaining("larger than the limit");
    assertThat(out).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("agent");
    }
  }

  @Test
  void aMissingOrEmptyFolderIsAClearError() throws IOException {
    assertThatThrownBy(() -> packager.files(dir.resolve("nope")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> packager.files(empty)).hasMessageContaining("no files");
  }

  private static List<TarArchiveEntry> read(Path archive) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        entries.add(e);
      }
    }
    return entries;
  }
}
