package ai.kinitro.desktop.wizard;

import java.util.List;
import java.util.Objects;

/**
 * A folder that passed validation: its manifest, the archive it packs into, and the checks passed.
 *
 * @param manifest what the manifest starts (e.g. {@code command java -jar lib/agent.jar})
 * @param sha256 the archive's SHA-256 (hex)
 * @param sizeBytes the archive's size
 * @param fileCount files in the archive
 * @param checks the checks passed, in order, as sentences
 */
public record ValidationReport(String manifest, String sha256, long sizeBytes, int fileCount, List<String> checks) {
  public ValidationReport {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(sha256, "sha256");
    checks = List.copyOf(checks);
  }
}
