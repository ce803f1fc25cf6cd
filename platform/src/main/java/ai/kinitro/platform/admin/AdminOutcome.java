package ai.kinitro.platform.admin;

import java.util.Objects;

/** What an admin step achieved. */
public sealed interface AdminOutcome {
  /** Made now; {@code id} is the new object's id. */
  record Created(String id) implements AdminOutcome {
    public Created {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Already there from an earlier run. */
  record Existing(String id) implements AdminOutcome {
    public Existing {
      Objects.requireNonNull(id, "id");
    }
  }

  /** The backend does not offer this yet (it answered 404 or 405): {@code reason} says what is missing. */
  record NotAvailable(String reason) implements AdminOutcome {
    public NotAvailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
