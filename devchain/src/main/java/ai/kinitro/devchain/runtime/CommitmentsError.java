package ai.kinitro.devchain.runtime;

/** The Commitments pallet's error enum in declaration order. */
public enum CommitmentsError {
  TOO_MANY_FIELDS_IN_COMMITMENT_INFO("TooManyFieldsInCommitmentInfo"),
  ACCOUNT_NOT_ALLOWED_COMMIT("AccountNotAllowedCommit"),
  SPACE_LIMIT_EXCEEDED("SpaceLimitExceeded"),
  UNEXPECTED_UNRESERVE_LEFTOVER("UnexpectedUnreserveLeftover");

  private final String runtimeName;

  CommitmentsError(String runtimeName) {
    this.runtimeName = runtimeName;
  }

  public String runtimeName() {
    return runtimeName;
  }

  public DispatchError.Module dispatchError() {
    return new DispatchError.Module(Pallets.COMMITMENTS, ordinal(), runtimeName);
  }
}
