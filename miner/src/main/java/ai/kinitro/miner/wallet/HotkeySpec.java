package ai.kinitro.miner.wallet;

import ai.kinitro.common.wallet.WalletLocator;
import java.util.Objects;

/** Where the hotkey comes from; nothing is read until {@link Hotkeys#load}. */
public sealed interface HotkeySpec {
  /** A short description safe to print (never the secret). */
  String describe();

  /**
   * A secret URI such as {@code //Dave} (a derivation of Substrate's public development phrase) or
   * {@code <mnemonic>//path}. Only the public development form is ever shown.
   */
  record DevUri(String uri) implements HotkeySpec {
    public DevUri {
      Objects.requireNonNull(uri, "uri");
    }

    @Override
    public String describe() {
      return isPublicDevKey() ? "development key " + uri.split("///", 2)[0] : "secret URI (hidden)";
    }

    /** True for {@code //Name...} paths of the public development phrase. */
    public boolean isPublicDevKey() {
      return uri.startsWith("//") && !uri.contains("///");
    }

    @Override
    public String toString() {
      return "DevUri[" + describe() + "]";
    }
  }

  /** A bittensor wallet's hotkey file. */
  record WalletFiles(WalletLocator locator) implements HotkeySpec {
    public WalletFiles {
      Objects.requireNonNull(locator, "locator");
    }

    @Override
    public String describe() {
      return "wallet '" + locator.wallet() + "' hotkey '" + locator.hotkey() + "' (" + locator.hotkeyPath() + ")";
    }
  }
}
