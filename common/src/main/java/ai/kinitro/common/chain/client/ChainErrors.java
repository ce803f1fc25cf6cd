package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.common.chain.metadata.Value;
import ai.kinitro.common.chain.rpc.JsonRpcException;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps transaction-pool errors and dispatch errors to Kinitro error codes. */
public final class ChainErrors {
  private static final Pattern CUSTOM = Pattern.compile("Custom error: (\\d+)");

  /** Subtensor's {@code CustomTransactionError} codes (pool rejections, chain.md §2.1). */
  private static final Map<Integer, ErrorCode> CUSTOM_CODES = Map.ofEntries(
      Map.entry(1, ErrorCode.CHAIN_NOT_ENOUGH_STAKE),
      Map.entry(3, ErrorCode.CHAIN_SUBNET_NOT_FOUND),
      Map.entry(6, ErrorCode.CHAIN_RATE_LIMITED),
      Map.entry(10, ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED),
      Map.entry(15, ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry(16, ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry(17, ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry(18, ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry(19, ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED));

  private static final Map<String, ErrorCode> MODULE_ERRORS = Map.ofEntries(
      Map.entry("HotKeyNotRegisteredInNetwork", ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED),
      Map.entry("HotKeyNotRegisteredInSubNet", ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED),
      Map.entry("HotKeyAccountNotExists", ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED),
      Map.entry("AccountNotAllowedCommit", ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED),
      Map.entry("UidNotFound", ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED),
      Map.entry("CommitRevealEnabled", ErrorCode.CHAIN_COMMIT_REVEAL_ENABLED),
      Map.entry("CommitRevealDisabled", ErrorCode.CHAIN_COMMIT_REVEAL_DISABLED),
      Map.entry("WeightVecNotEqualSize", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("DuplicateUids", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("UidVecContainInvalidOne", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("WeightVecLengthIsLow", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("MaxWeightExceeded", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("IncorrectWeightVersionKey", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("UidsLengthExceedUidsInSubNet", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("CanNotSetRootNetworkWeights", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("InputLengthsUnequal", ErrorCode.CHAIN_WEIGHTS_INVALID),
      Map.entry("NotEnoughStakeToSetWeights", ErrorCode.CHAIN_NOT_ENOUGH_STAKE),
      Map.entry("NeuronNoValidatorPermit", ErrorCode.CHAIN_NOT_PERMITTED),
      Map.entry("NotSubnetOwner", ErrorCode.CHAIN_NOT_PERMITTED),
      Map.entry("TransactorAccountShouldBeHotKey", ErrorCode.CHAIN_NOT_PERMITTED),
      Map.entry("SubNetworkDoesNotExist", ErrorCode.CHAIN_SUBNET_NOT_FOUND),
      Map.entry("SubnetNotExists", ErrorCode.CHAIN_SUBNET_NOT_FOUND),
      Map.entry("NoWeightsCommitFound", ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry("InvalidRevealCommitHashNotMatch", ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry("RevealTooEarly", ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry("ExpiredWeightCommit", ErrorCode.CHAIN_REVEAL_INVALID),
      Map.entry("SettingWeightsTooFast", ErrorCode.CHAIN_RATE_LIMITED),
      Map.entry("CommittingWeightsTooFast", ErrorCode.CHAIN_RATE_LIMITED),
      Map.entry("CommitmentSetRateLimitExceeded", ErrorCode.CHAIN_RATE_LIMITED),
      Map.entry("TxRateLimitExceeded", ErrorCode.CHAIN_RATE_LIMITED),
      Map.entry("SpaceLimitExceeded", ErrorCode.CHAIN_COMMITMENT_SPACE_EXCEEDED),
      Map.entry("TooManyUnrevealedCommits", ErrorCode.CHAIN_TOO_MANY_UNREVEALED_COMMITS),
      Map.entry("TooManyFieldsInCommitmentInfo", ErrorCode.COMMITMENT_TOO_LARGE));

  private ChainErrors() {}

  /** Our code for a pallet error name ({@code CHAIN_DISPATCH_FAILED} when we have no better one). */
  public static ErrorCode forModuleError(String name) {
    return MODULE_ERRORS.getOrDefault(name, ErrorCode.CHAIN_DISPATCH_FAILED);
  }

  /** Our code for a pool rejection: JSON-RPC 1010 with its data text, or 1011-1016. */
  public static ErrorCode forPoolError(int rpcCode, String data) {
    String text = data == null ? "" : data;
    return switch (rpcCode) {
      case 1010 -> {
        Matcher custom = CUSTOM.matcher(text);
        if (custom.find()) {
          yield CUSTOM_CODES.getOrDefault(Integer.parseInt(custom.group(1)), ErrorCode.CHAIN_TRANSACTION_REJECTED);
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("bad signature")) {
          yield ErrorCode.CHAIN_BAD_SIGNATURE;
        }
        if (lower.contains("outdated") || lower.contains("stale") || lower.contains("future")
            || lower.contains("ancient birth block")) {
          yield ErrorCode.CHAIN_TRANSACTION_OUTDATED;
        }
        if (lower.contains("pay") && lower.contains("fee")) {
          yield ErrorCode.CHAIN_INSUFFICIENT_BALANCE;
        }
        yield ErrorCode.CHAIN_TRANSACTION_REJECTED;
      }
      case 1014, 1016 -> ErrorCode.CHAIN_POOL_PRIORITY_TOO_LOW;
      default -> ErrorCode.CHAIN_TRANSACTION_REJECTED;
    };
  }

  /** The {@link KinitroException} for a submission the node's pool refused. */
  static KinitroException poolRejection(String call, JsonRpcException e) {
    if (e.rpcCode() < 1010 || e.rpcCode() > 1020) {
      return e;
    }
    ErrorCode code = forPoolError(e.rpcCode(), e.dataText());
    return new JsonRpcException(code, "author_submit (" + call + ")", e.rpcCode(), e.rpcMessage(), e.data().orElse(null));
  }

  /** Reads a decoded {@code DispatchError} into a {@link TxResult.TxError}. */
  static TxResult.TxError dispatchError(Value dispatchError, RuntimeMetadata metadata, String call) {
    if (!(dispatchError instanceof Value.Variant variant)) {
      return new TxResult.TxError(ErrorCode.CHAIN_DISPATCH_FAILED, "", "Unknown", call + " failed: " + dispatchError);
    }
    if (variant.name().equals("Module")) {
      Value moduleError = variant.fields().values().getFirst();
      Value.Composite fields = moduleError instanceof Value.Composite c ? c : variant.fields();
      int palletIndex = (int) intOf(fields.require("index"));
      int errorIndex = switch (fields.require("error")) {
        case Value.Bytes bytes -> bytes.bytes().length == 0 ? 0 : bytes.bytes()[0] & 0xFF;
        case Value.Int i -> (int) i.longValue();
        default -> -1;
      };
      Optional<RuntimeMetadata.ModuleError> known = metadata.moduleError(palletIndex, errorIndex);
      String pallet = known.map(RuntimeMetadata.ModuleError::pallet).orElse("pallet#" + palletIndex);
      String name = known.map(RuntimeMetadata.ModuleError::name).orElse("error#" + errorIndex);
      String docs = known.map(k -> String.join(" ", k.docs()).strip()).orElse("");
      return new TxResult.TxError(forModuleError(name), pallet, name,
          call + " failed on chain with " + pallet + "." + name + (docs.isEmpty() ? "" : " (" + docs + ")"));
    }
    ErrorCode code = switch (variant.name()) {
      case "BadOrigin", "RootNotAllowed" -> ErrorCode.CHAIN_NOT_PERMITTED;
      case "Token" -> ErrorCode.CHAIN_INSUFFICIENT_BALANCE;
      default -> ErrorCode.CHAIN_DISPATCH_FAILED;
    };
    return new TxResult.TxError(code, "", variant.name(), call + " failed on chain with " + variant.name());
  }

  private static long intOf(Value value) {
    if (value instanceof Value.Int i) {
      return i.longValue();
    }
    throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "expected an integer in a module error, got " + value);
  }
}
