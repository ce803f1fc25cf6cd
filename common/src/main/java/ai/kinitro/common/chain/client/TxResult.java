package ai.kinitro.common.chain.client;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened to a submitted transaction.
 *
 * @param hash the extrinsic hash ({@code 0x}...)
 * @param status how far it got
 * @param blockHash the block it was included in, once known
 * @param blockNumber that block's number, once known
 * @param error the dispatch error if the call failed inside the block
 */
public record TxResult(
    String hash, Status status, Optional<BlockHash> blockHash, OptionalLong blockNumber, Optional<TxError> error) {
  public TxResult {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(blockNumber, "blockNumber");
    Objects.requireNonNull(error, "error");
  }

  public boolean succeeded() {
    return error.isEmpty();
  }

  /** This result, or the dispatch error as a {@link KinitroException}. */
  public TxResult orThrow() {
    error.ifPresent(e -> {
      throw new KinitroException(e.code(), e.message());
    });
    return this;
  }

  /** How far a transaction got. */
  public enum Status {
    /** Accepted by the pool; not watched further. */
    SUBMITTED,
    /** Included in a block. */
    IN_BLOCK,
    /** Included in a finalized block. */
    FINALIZED
  }

  /**
   * A failed dispatch.
   *
   * @param code our error code for it
   * @param pallet the pallet whose error it is ("" for non-module errors)
   * @param name the runtime's error name, e.g. {@code SettingWeightsTooFast}
   * @param message a sentence for the operator
   */
  public record TxError(ErrorCode code, String pallet, String name, String message) {
    public TxError {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(pallet, "pallet");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(message, "message");
    }
  }
}
