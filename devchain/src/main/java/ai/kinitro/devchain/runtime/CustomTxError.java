package ai.kinitro.devchain.runtime;

/**
 * Subtensor's {@code CustomTransactionError} codes (chain.md §2.1), and which pallet errors the
 * transaction extension turns into them when it refuses a transaction in the pool.
 */
public enum CustomTxError {
  STAKE_AMOUNT_TOO_LOW(1),
  SUBNET_NOT_EXISTS(3),
  RATE_LIMIT_EXCEEDED(6),
  HOT_KEY_NOT_REGISTERED_IN_NETWORK(10),
  INVALID_REVEAL_ROUND(15),
  COMMIT_NOT_FOUND(16),
  COMMIT_BLOCK_NOT_IN_REVEAL_RANGE(17),
  INPUT_LENGTHS_UNEQUAL(18),
  UID_NOT_FOUND(19),
  BAD_REQUEST(255);

  private final int code;

  CustomTxError(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The mapping subtensor's transaction extension applies to a pallet error raised during validation. */
  public static CustomTxError from(SubtensorError error) {
    return switch (error) {
      case AMOUNT_TOO_LOW, NOT_ENOUGH_STAKE_TO_SET_WEIGHTS -> STAKE_AMOUNT_TOO_LOW;
      case SUBNET_NOT_EXISTS -> SUBNET_NOT_EXISTS;
      case HOT_KEY_NOT_REGISTERED_IN_NETWORK -> HOT_KEY_NOT_REGISTERED_IN_NETWORK;
      case INPUT_LENGTHS_UNEQUAL -> INPUT_LENGTHS_UNEQUAL;
      case NO_WEIGHTS_COMMIT_FOUND -> COMMIT_NOT_FOUND;
      case REVEAL_TOO_EARLY -> COMMIT_BLOCK_NOT_IN_REVEAL_RANGE;
      case INVALID_REVEAL_ROUND -> INVALID_REVEAL_ROUND;
      case COMMITTING_WEIGHTS_TOO_FAST, SETTING_WEIGHTS_TOO_FAST, NETWORK_TX_RATE_LIMIT_EXCEEDED -> RATE_LIMIT_EXCEEDED;
      case HOT_KEY_NOT_REGISTERED_IN_SUB_NET -> UID_NOT_FOUND;
      default -> BAD_REQUEST;
    };
  }
}
