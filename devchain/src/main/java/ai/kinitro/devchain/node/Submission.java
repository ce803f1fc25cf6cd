package ai.kinitro.devchain.node;

import ai.kinitro.devchain.runtime.Rejection;
import java.util.Objects;

/** The pool's answer to a submitted extrinsic. */
public sealed interface Submission {
  /** Taken into the pool; {@code hash} is what {@code author_submitExtrinsic} returns. */
  record Accepted(Hash hash, TxStatus initialStatus) implements Submission {
    public Accepted {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(initialStatus, "initialStatus");
    }
  }

  /** Refused; the JSON-RPC error a node would answer. */
  record Rejected(Rejection rejection) implements Submission {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
