package ai.kinitro.miner.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A created project: its folder, the files written (relative, sorted), the manifest text, and
 * what to do next (or why it cannot run yet).
 */
public record InitResult(Path folder, AgentTemplate template, List<String> files, String manifest, List<String> notes) {
  public InitResult {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(template, "template");
    files = List.copyOf(files);
    Objects.requireNonNull(manifest, "manifest");
    notes = List.copyOf(notes);
  }
}
