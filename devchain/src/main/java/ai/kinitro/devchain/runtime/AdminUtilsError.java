package ai.kinitro.devchain.runtime;

/** The AdminUtils pallet's error enum in declaration order. */
public enum AdminUtilsError {
  SUBNET_DOES_NOT_EXIST("SubnetDoesNotExist"),
  MAX_VALIDATORS_LARGER_THAN_MAX_U_IDS("MaxValidatorsLargerThanMaxUIds"),
  MAX_ALLOWED_U_IDS_LESS_THAN_CURRENT_U_IDS("MaxAllowedUIdsLessThanCurrentUIds"),
  BONDS_MOVING_AVERAGE_MAX_REACHED("BondsMovingAverageMaxReached"),
  NEGATIVE_SIGMOID_STEEPNESS("NegativeSigmoidSteepness"),
  VALUE_NOT_IN_BOUNDS("ValueNotInBounds"),
  MIN_ALLOWED_UIDS_GREATER_THAN_CURRENT_UIDS("MinAllowedUidsGreaterThanCurrentUids"),
  MIN_ALLOWED_UIDS_GREATER_THAN_MAX_ALLOWED_UIDS("MinAllowedUidsGreaterThanMaxAllowedUids"),
  MAX_ALLOWED_UIDS_LESS_THAN_MIN_ALLOWED_UIDS("MaxAllowedUidsLessThanMinAllowedUids"),
  MAX_ALLOWED_UIDS_GREATER_THAN_DEFAULT_MAX_ALLOWED_UIDS("MaxAllowedUidsGreaterThanDefaultMaxAllowedUids"),
  INVALID_VALUE("InvalidValue"),
  NOT_PERMITTED_ON_ROOT_SUBNET("NotPermittedOnRootSubnet"),
  POW_REGISTRATION_DISABLED("POWRegistrationDisabled"),
  DEPRECATED("Deprecated");

  private final String runtimeName;

  AdminUtilsError(String runtimeName) {
    this.runtimeName = runtimeName;
  }

  public String runtimeName() {
    return runtimeName;
  }

  public DispatchError.Module dispatchError() {
    return new DispatchError.Module(Pallets.ADMIN_UTILS, ordinal(), runtimeName);
  }
}
