package ai.kinitro.desktop.shell;

import javafx.scene.Node;

/** One screen of the app, shown in the main window's content area. */
public interface Page {
  /** Stable id used by the navigation model. */
  String id();

  /** Title shown in the navigation list. */
  String title();

  /** The page's view; built once and kept. */
  Node view();
}
