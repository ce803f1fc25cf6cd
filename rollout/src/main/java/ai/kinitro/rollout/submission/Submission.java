package ai.kinitro.rollout.submission;

import java.nio.file.Path;
import java.util.Objects;

/** An extracted, checked submission: its root directory and its manifest. */
public record Submission(Path root, SubmissionManifest manifest) {
  public Submission {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** A submission already on disk (e.g. a miner's working directory): reads its manifest. */
  public static Submission fromDirectory(Path root) {
    return new Submission(root.toAbsolutePath().normalize(), SubmissionManifest.read(root));
  }
}
