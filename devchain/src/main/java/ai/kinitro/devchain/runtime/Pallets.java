package ai.kinitro.devchain.runtime;

/**
 * Pallet indices of subtensor's {@code construct_runtime} and the event variant indices the dev
 * chain emits (subtensor spec 425 numbering, so an event or error decodes with the same name as on
 * mainnet). The metadata in {@code ai.kinitro.devchain.metadata} is built from these constants.
 */
public final class Pallets {
  public static final int SYSTEM = 0;
  public static final int SUBTENSOR_MODULE = 7;
  public static final int COMMITMENTS = 18;
  public static final int ADMIN_UTILS = 19;

  /** System event variants. */
  public static final int EVENT_EXTRINSIC_SUCCESS = 0;
  public static final int EVENT_EXTRINSIC_FAILED = 1;

  /** SubtensorModule event variants. */
  public static final int EVENT_STAKE_ADDED = 2;
  public static final int EVENT_WEIGHTS_SET = 5;
  public static final int EVENT_NEURON_REGISTERED = 6;
  public static final int EVENT_WEIGHTS_COMMITTED = 85;
  public static final int EVENT_WEIGHTS_REVEALED = 86;
  public static final int EVENT_COMMIT_REVEAL_ENABLED = 101;

  /** Commitments event variants. */
  public static final int EVENT_COMMITMENT = 0;
  public static final int EVENT_TIMELOCK_COMMITMENT = 1;

  /** SubtensorModule call indices. */
  public static final int CALL_SET_WEIGHTS = 0;
  public static final int CALL_COMMIT_WEIGHTS = 96;
  public static final int CALL_REVEAL_WEIGHTS = 97;
  public static final int CALL_COMMIT_MECHANISM_WEIGHTS = 115;
  public static final int CALL_REVEAL_MECHANISM_WEIGHTS = 116;
  public static final int CALL_SET_MECHANISM_WEIGHTS = 119;
  /** Commitments call index. */
  public static final int CALL_SET_COMMITMENT = 0;
  /** AdminUtils call index. */
  public static final int CALL_SUDO_SET_COMMIT_REVEAL_WEIGHTS_ENABLED = 49;

  private Pallets() {}
}
