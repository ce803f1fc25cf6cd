package ai.kinitro.desktop.wizard.viewmodel;

import java.util.EnumSet;
import java.util.Set;

/**
 * The wizard's steps in order, what each needs before it can run, and what to do when it fails.
 * A step whose requirement is reset (e.g. another folder was chosen) is reset too; a failed step
 * is retried on its own, keeping every step it needs.
 */
public enum WizardStep {
  FOLDER("Agent folder", "Choose the folder that holds kinitro-agent.json (kinitro-miner init creates one)."),
  VALIDATE("Validate", "Fix the folder as the message says and press Retry."),
  LOCAL_EVAL("Local evaluation", "Fix the agent and press Retry, or Skip to go on without a local evaluation."),
  HOTKEY("Wallet and hotkey", "Check the wallet folder and names (or the secret URI) and press Retry."),
  PACKAGE("Package", "Press Retry once the folder can be read again; the validation is kept."),
  UPLOAD("Upload", "Press Retry: the archive and the hotkey are kept."),
  COMMIT("Commit on chain", "Press Retry: the upload is kept (an uncommitted upload expires after the upload window)."),
  FOLLOW("Follow the evaluation", "Press Retry to follow again; the commitment is already on chain.");

  private final String title;
  private final String retryHint;

  WizardStep(String title, String retryHint) {
    this.title = title;
    this.retryHint = retryHint;
  }

  public String title() {
    return title;
  }

  /** How to get past a failure of this step. */
  public String retryHint() {
    return retryHint;
  }

  /** Only the local evaluation may be skipped. */
  public boolean optional() {
    return this == LOCAL_EVAL;
  }

  /** Steps that must be done (or skipped) before this one can run. */
  public Set<WizardStep> requires() {
    return switch (this) {
      case FOLDER, HOTKEY -> EnumSet.noneOf(WizardStep.class);
      case VALIDATE -> EnumSet.of(FOLDER);
      case LOCAL_EVAL -> EnumSet.of(VALIDATE);
      case PACKAGE -> EnumSet.of(VALIDATE, LOCAL_EVAL);
      case UPLOAD -> EnumSet.of(PACKAGE, HOTKEY);
      case COMMIT -> EnumSet.of(UPLOAD);
      case FOLLOW -> EnumSet.of(COMMIT);
    };
  }
}
