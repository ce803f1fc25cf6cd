package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.desktop.api.ValidatorInfo;
import java.util.Objects;

/** A validator with the number of jobs it is working on now (assignments delivered, starting or running). */
public record ValidatorRow(ValidatorInfo validator, int jobsInFlight) {
  public ValidatorRow {
    Objects.requireNonNull(validator, "validator");
  }
}
