package ai.kinitro.desktop.wizard;

import static ai.kinitro.desktop.testing.FxShell.await;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;

/** Drives the wizard page with a robot: scrolls each control into view before using it. */
record WizardRobot(FxRobot robot) {
  /** Scrolls the wizard so the node is in view, then clicks it. */
  void click(String id) {
    reveal(id);
    robot.clickOn(id);
  }

  void write(String id, String text) {
    reveal(id);
    robot.interact(() -> robot.lookup(id).queryAs(TextField.class).clear());
    robot.clickOn(id).write(text);
  }

  void reveal(String id) {
    robot.interact(() -> {
      ScrollPane scroll = robot.lookup("#wizard").queryAs(ScrollPane.class);
      Node content = scroll.getContent();
      Node node = robot.lookup(id).query();
      Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
      double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
      scroll.setVvalue(extra <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / extra)));
    });
  }

  String status(String step) {
    return robot.lookup("#wizard-" + step + "-status").queryAs(Label.class).getText();
  }

  String message(String step) {
    return robot.lookup("#wizard-" + step + "-message").queryAs(Label.class).getText();
  }

  void awaitStatus(String step, String expected, int seconds) {
    try {
      await(seconds, () -> status(step).equals(expected));
    } catch (AssertionError e) {
      throw new AssertionError(step + " is " + status(step) + ": " + message(step), e);
    }
  }

  void awaitStatus(String step, String expected) {
    awaitStatus(step, expected, 60);
  }
}
