package ai.kinitro.miner.cli;

import java.io.PrintWriter;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a command writes: human lines on standard output, or one JSON document with {@code --json}
 * (then human lines are dropped); progress always goes to standard error.
 */
final class Output {
  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean interactive;

  Output(PrintWriter out, PrintWriter err, boolean json, boolean interactive) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.interactive = interactive;
  }

  boolean json() {
    return json;
  }

  /** A line for people (dropped with --json). */
  void line(String text) {
    if (!json) {
      out.println(text);
      out.flush();
    }
  }

  /** A progress or warning line on standard error. */
  void note(String text) {
    endProgress();
    err.println(text);
    err.flush();
  }

  /** The JSON result (only with --json). */
  void result(ObjectNode node) {
    if (json) {
      out.println(JSON.writeValueAsString(node));
      out.flush();
    }
  }

  ObjectNode object() {
    return JSON.createObjectNode();
  }

  private boolean progressOpen;
  private int lastQuarter = -1;

  /** A progress bar on a terminal; a line per quarter otherwise. */
  void progress(String label, long done, long total, String unit) {
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    if (interactive) {
      int width = 30;
      int filled = (int) Math.round(fraction * width);
      err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
          + String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)) + "  " + amount(done, unit) + " / "
          + amount(total, unit) + "   ");
      err.flush();
      progressOpen = true;
      if (done >= total) {
        endProgress();
      }
    } else {
      int quarter = (int) Math.floor(fraction * 4);
      if (quarter != lastQuarter) {
        lastQuarter = quarter;
        err.println(label + " " + Math.round(fraction * 100) + "% (" + amount(done, unit) + " / " + amount(total, unit) + ")");
        err.flush();
      }
    }
  }

  void endProgress() {
    if (progressOpen) {
      err.println();
      err.flush();
      progressOpen = false;
    }
    lastQuarter = -1;
  }

  static String amount(long value, String unit) {
    if (!unit.equals("bytes")) {
      return value + (unit.isEmpty() ? "" : " " + unit);
    }
    if (value < 1024) {
      return value + " B";
    }
    if (value < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", value / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", value / (1024.0 * 1024));
  }
}
