package ai.kinitro.rollout.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionArchiveTest {
  @TempDir
  Path tmp;

  private Path work() {
    return tmp.resolve("work");
  }

  private Submission extract(TarGz archive, ArchiveLimits limits) throws IOException {
    Path file = archive.writeTo(tmp.resolve("submission.tar.gz"));
    return SubmissionArchive.extract(file, SubmissionArchive.sha256(file), work(), limits);
  }

  private void assertRejected(TarGz archive, ErrorCode code) throws IOException {
    assertRejected(archive, ArchiveLimits.DEFAULT, code);
  }

  private void assertRejected(TarGz archive, ArchiveLimits limits, ErrorCode code) throws IOException {
    assertThatThrownBy(() -> extract(archive, limits))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(code));
    try (Stream<Path> left = Files.list(work())) {
      assertThat(left).as("nothing left after a rejection").isEmpty();
    } catch (java.nio.file.NoSuchFileException notCreated) {
      // rejected before the work directory was needed
    }
  }

  @Test
  void extractsAValidArchiveWithItsManifestModesDirectoriesAndInnerLinks() throws IOException {
    Submission s = extract(TarGz.valid().dir("model").file("model/weights.bin", new byte[] {1, 2, 3}, 0600)
        .symlink("current", "model/weights.bin").hardlink("copy.bin", "model/weights.bin"), ArchiveLimits.DEFAULT);

    assertThat(s.manifest()).isEqualTo(new SubmissionManifest.Command(List.of("./run.sh")));
    assertThat(s.root().getParent()).isEqualTo(work());
    assertThat(Files.readAllBytes(s.root().resolve("current"))).containsExactly(1, 2, 3);
    assertThat(Files.readAllBytes(s.root().resolve("copy.bin"))).containsExactly(1, 2, 3);
    assertThat(Files.isSymbolicLink(s.root().resolve("copy.bin"))).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.root().resolve("run.sh")))).isEqualTo("r-xr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.root().resolve("model/weights.bin"))))
        .isEqualTo("r--r--r--");
  }

  @Test
  void eachExtractionGoesToAFreshDirectory() throws IOException {
    Submission a = extract(TarGz.valid(), ArchiveLimits.DEFAULT);
    Submission b = extract(TarGz.valid(), ArchiveLimits.DEFAULT);

    assertThat(a.root()).isNotEqualTo(b.root());
  }

  @Test
  void refusesAnArchiveWhoseSha256DiffersFromTheExpectedOne() {
    Path file = TarGz.valid().writeTo(tmp.resolve("a.tar.gz"));

    assertThatThrownBy(() -> SubmissionArchive.extract(file, "00".repeat(32), work(), ArchiveLimits.DEFAULT))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_CHECKSUM_MISMATCH));
    assertThat(work()).doesNotExist();
  }

  @Test
  void refusesAnArchiveLargerThanTheLimit() throws IOException {
    assertRejected(TarGz.valid(), new ArchiveLimits(50, 1 << 20, 100), ErrorCode.ARCHIVE_TOO_LARGE);
  }

  @Test
  void refusesAnArchiveThatUnpacksToMoreThanTheLimitWhateverItsHeadersSay() throws IOException {
    TarGz bomb = TarGz.valid().file("zeros", new byte[200_000], 0644);

    assertRejected(bomb, new ArchiveLimits(1 << 20, 100_000, 100), ErrorCode.ARCHIVE_TOO_LARGE);
  }

  @Test
  void refusesTooManyEntries() throws IOException {
    TarGz many = TarGz.valid();
    for (int i = 0; i < 10; i++) {
      many.file("f" + i, "x", 0644);
    }

    assertRejected(many, new ArchiveLimits(1 << 20, 1 << 20, 5), ErrorCode.ARCHIVE_TOO_MANY_FILES);
  }

  @Test
  void refusesAbsolutePaths() throws IOException {
    assertRejected(TarGz.valid().file("/etc/cron.d/evil", "x", 0644), ErrorCode.ARCHIVE_ABSOLUTE_PATH);
  }

  @Test
  void refusesDotDotPaths() throws IOException {
    assertRejected(TarGz.valid().file("model/../../evil", "x", 0644), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
  }

  @Test
  void refusesAbsoluteSymlinks() throws IOException {
    assertRejected(TarGz.valid().symlink("passwd", "/etc/passwd"), ErrorCode.ARCHIVE_LINK_ESCAPES);
  }

  @Test
  void refusesSymlinksClimbingOutOfTheRoot() throws IOException {
    assertRejected(TarGz.valid().dir("a").symlink("a/up", "../../outside"), ErrorCode.ARCHIVE_LINK_ESCAPES);
  }

  @Test
  void refusesSymlinkChainsThatEscapeOnDiskThoughTheyLookInsideOnPaper() throws IOException {
    Files.createDirectories(work());
    Files.writeString(work().resolve("secret"), "host file");
    // "here" -> "." makes "here/.." the root's parent, although "here/../secret" normalises to "secret".
    TarGz chain = TarGz.valid().symlink("here", ".").symlink("steal", "here/../secret");

    assertThatThrownBy(() -> extract(chain, ArchiveLimits.DEFAULT))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_LINK_ESCAPES));
    try (Stream<Path> left = Files.list(work())) {
      assertThat(left).containsExactly(work().resolve("secret"));
    }
  }

  @Test
  void refusesDanglingSymlinks() throws IOException {
    assertRejected(TarGz.valid().symlink("nothing", "missing.bin"), ErrorCode.ARCHIVE_LINK_ESCAPES);
  }

  @Test
  void neverWritesThroughASymlink() throws IOException {
    assertRejected(TarGz.valid().dir("sub").symlink("link", "sub").file("link/x", "x", 0644),
        ErrorCode.ARCHIVE_LINK_ESCAPES);
  }

  @Test
  void refusesHardLinksToAnythingButAnEarlierFile() throws IOException {
    assertRejected(TarGz.valid().hardlink("h", "../../etc/shadow"), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
    assertRejected(TarGz.valid().hardlink("h", "/etc/shadow"), ErrorCode.ARCHIVE_ABSOLUTE_PATH);
    assertRejected(TarGz.valid().hardlink("h", "later").file("later", "x", 0644), ErrorCode.ARCHIVE_LINK_ESCAPES);
  }

  @Test
  void refusesDevicesAndFifos() throws IOException {
    assertRejected(TarGz.valid().special("dev/sda", TarConstants.LF_BLK), ErrorCode.ARCHIVE_SPECIAL_FILE);
    assertRejected(TarGz.valid().special("tty", TarConstants.LF_CHR), ErrorCode.ARCHIVE_SPECIAL_FILE);
    assertRejected(TarGz.valid().special("pipe", TarConstants.LF_FIFO), ErrorCode.ARCHIVE_SPECIAL_FILE);
  }

  @Test
  void refusesDuplicateEntries() throws IOException {
    assertRejected(TarGz.valid().file("run.sh", "#!/bin/sh\nrm -rf /\n", 0755), ErrorCode.ARCHIVE_DUPLICATE_ENTRY);
    assertRejected(TarGz.valid().file("a", "x", 0644).file("a/b", "y", 0644), ErrorCode.ARCHIVE_DUPLICATE_ENTRY);
  }

  @Test
  void refusesSomethingThatIsNotATarGz() throws IOException {
    Path file = Files.writeString(tmp.resolve("x.tar.gz"), "definitely not gzip");

    assertThatThrownBy(() -> SubmissionArchive.extract(file, SubmissionArchive.sha256(file), work(), ArchiveLimits.DEFAULT))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_MALFORMED));
  }

  @Test
  void refusesAnArchiveWithoutAManifest() throws IOException {
    assertRejected(new TarGz().file("agent.py", "print()", 0644), ErrorCode.SUBMISSION_MANIFEST_MISSING);
  }

  @Test
  void deleteTreeRemovesReadOnlyContent() throws IOException {
    Submission s = extract(TarGz.valid(), ArchiveLimits.DEFAULT);

    SubmissionArchive.deleteTree(s.root());

    assertThat(Files.exists(s.root(), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }
}
