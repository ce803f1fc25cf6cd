package ai.kinitro.desktop.wizard;

import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import ai.kinitro.desktop.wizard.viewmodel.MinerWizardViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The wizard's chain URL and netuid live in the selected connection profile: the wizard starts
 * with the profile's values, takes the new profile's values when another profile is selected, and a
 * commit that succeeded with other values saves them back into the profile (settings.json, mode
 * 600), so a finney miner types them once.
 */
public final class ProfileChainMemory {
  private ProfileChainMemory() {}

  public static void bind(ShellViewModel shell, MinerWizardViewModel wizard) {
    ReadOnlyObjectProperty<ConnectionProfile> selected = shell.selectedProfileProperty();
    ConnectionProfile first = selected.get();
    if (first != null) {
      wizard.prefillChain(first.chainUrl(), first.netuid());
    }
    selected.addListener((obs, old, now) -> {
      if (now != null && (old == null || !old.name().equals(now.name()))) {
        wizard.prefillChain(now.chainUrl(), now.netuid());
      }
    });
    wizard.onChainCommitted((url, netuid) -> {
      ConnectionProfile current = selected.get();
      if (current != null && (!current.chainUrl().equals(url) || current.netuid() != netuid)) {
        shell.saveProfile(current.withChain(url, netuid));
      }
    });
  }

  /** True when two profiles differ only in their chain fields (nothing to reconnect or reload). */
  public static boolean onlyChainChanged(ConnectionProfile old, ConnectionProfile now) {
    return old != null && now != null && old.withChain(now.chainUrl(), now.netuid()).equals(now);
  }
}
