package ai.kinitro.desktop.wizard.viewmodel;

/** Where a wizard step stands. */
public enum StepStatus {
  /** A step it needs is not done yet. */
  WAITING,
  READY,
  RUNNING,
  DONE,
  FAILED,
  /** Optional and skipped by the user; counts as done for the steps after it. */
  SKIPPED;

  public boolean satisfied() {
    return this == DONE || this == SKIPPED;
  }
}
