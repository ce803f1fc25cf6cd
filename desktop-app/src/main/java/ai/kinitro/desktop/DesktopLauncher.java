package ai.kinitro.desktop;

import javafx.application.Application;

/**
 * Entry point of {@code ./kinitro desktop}. It does not extend {@link Application}, so the app
 * starts from a plain class path without the JavaFX launcher's module checks.
 */
public final class DesktopLauncher {
  private DesktopLauncher() {}

  public static void main(String[] args) {
    Application.launch(KinitroDesktopApp.class, args);
  }
}
