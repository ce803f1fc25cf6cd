package ai.kinitro.devchain.node;

import java.util.Objects;
import java.util.Optional;

/**
 * A transaction's status as {@code author_extrinsicUpdate} reports it: {@code "future"}, {@code
 * "ready"}, {@code {"inBlock": hash}}, {@code {"finalized": hash}}, {@code "invalid"} or {@code
 * "dropped"}. The dev chain finalizes every block as it is made.
 *
 * @param kind the status name
 * @param block the block hash for inBlock and finalized
 */
public record TxStatus(Kind kind, Optional<Hash> block) {
  public TxStatus {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(block, "block");
  }

  /** The status names substrate uses. */
  public enum Kind {
    FUTURE("future", false),
    READY("ready", false),
    IN_BLOCK("inBlock", false),
    FINALIZED("finalized", true),
    INVALID("invalid", true),
    DROPPED("dropped", true);

    private final String jsonName;
    private final boolean terminal;

    Kind(String jsonName, boolean terminal) {
      this.jsonName = jsonName;
      this.terminal = terminal;
    }

    public String jsonName() {
      return jsonName;
    }

    /** After a terminal status the watcher hears nothing more. */
    public boolean terminal() {
      return terminal;
    }
  }

  public static TxStatus of(Kind kind) {
    return new TxStatus(kind, Optional.empty());
  }

  public static TxStatus inBlock(Hash block) {
    return new TxStatus(Kind.IN_BLOCK, Optional.of(block));
  }

  public static TxStatus finalized(Hash block) {
    return new TxStatus(Kind.FINALIZED, Optional.of(block));
  }
}
