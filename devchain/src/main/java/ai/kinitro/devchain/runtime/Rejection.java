package ai.kinitro.devchain.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Why the transaction pool refused an extrinsic, as the JSON-RPC error a substrate node answers:
 * code 1010 "Invalid Transaction" with the {@code InvalidTransaction} text as data (custom
 * subtensor codes as {@code "Custom error: N"}), 1011 for unknown validity, 1013/1014 for pool
 * conflicts and 1001 for bytes that do not decode.
 *
 * @param rpcCode the JSON-RPC error code
 * @param rpcMessage the error message
 * @param data the error data, if the node sends one
 */
public record Rejection(int rpcCode, String rpcMessage, Optional<String> data) {
  public static final int BAD_FORMAT = 1001;
  public static final int POOL_INVALID_TX = 1010;
  public static final int POOL_UNKNOWN_VALIDITY = 1011;
  public static final int POOL_ALREADY_IMPORTED = 1013;
  public static final int POOL_TOO_LOW_PRIORITY = 1014;
  public static final int POOL_IMMEDIATELY_DROPPED = 1016;

  private static final String INVALID_TRANSACTION = "Invalid Transaction";

  public Rejection {
    Objects.requireNonNull(rpcMessage, "rpcMessage");
    Objects.requireNonNull(data, "data");
  }

  public static Rejection invalid(String text) {
    return new Rejection(POOL_INVALID_TX, INVALID_TRANSACTION, Optional.of(text));
  }

  /** {@code InvalidTransaction::Custom(code)}: subtensor's own reasons (chain.md §2.1). */
  public static Rejection custom(CustomTxError error) {
    return invalid("Custom error: " + error.code());
  }

  /** The nonce was already used. */
  public static Rejection stale() {
    return invalid("Transaction is outdated");
  }

  /** The signature does not verify over the payload this chain expects (also: an expired era). */
  public static Rejection badProof() {
    return invalid("Transaction has a bad signature");
  }

  /** The signer is not acceptable (the all-zero account). */
  public static Rejection badSigner() {
    return invalid("Invalid signing address");
  }

  /** The era's birth block is not one this chain has (in the future, or pruned). */
  public static Rejection ancientBirthBlock() {
    return invalid("Transaction has an ancient birth block");
  }

  public static Rejection noUnsignedValidator() {
    return new Rejection(POOL_UNKNOWN_VALIDITY, "Unknown Transaction Validity",
        Optional.of("Could not find an unsigned validator for the unsigned transaction"));
  }

  public static Rejection alreadyImported(String hashHex) {
    return new Rejection(POOL_ALREADY_IMPORTED, "Transaction Already Imported", Optional.of(hashHex));
  }

  public static Rejection tooLowPriority() {
    return new Rejection(POOL_TOO_LOW_PRIORITY, "Priority is too low: (0 vs 0)",
        Optional.of("The transaction has too low priority to replace another transaction already in the pool."));
  }

  public static Rejection badFormat(String detail) {
    return new Rejection(BAD_FORMAT, "Extrinsic has invalid format: " + detail, Optional.empty());
  }

  /** One line for logs and tests. */
  public String describe() {
    return rpcCode + " " + rpcMessage + data.map(d -> ": " + d).orElse("");
  }
}
