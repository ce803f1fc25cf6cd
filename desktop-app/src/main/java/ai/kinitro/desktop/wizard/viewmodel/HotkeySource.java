package ai.kinitro.desktop.wizard.viewmodel;

/** Where the wizard reads the miner's hotkey from. */
public enum HotkeySource {
  /** A bittensor wallet's hotkey file (encrypted files ask for a password). */
  WALLET,
  /** A secret URI such as {@code //Dave} (development keys on the local dev chain). */
  SECRET_URI
}
