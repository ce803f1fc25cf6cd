package ai.kinitro.desktop.error;

import ai.kinitro.common.error.KinitroException;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows errors nobody caught in a dialog instead of letting the app fail silently: the message
 * first (with our error code when there is one), the stack trace behind "Show details".
 */
public final class ErrorDialogs {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorDialogs.class);

  private ErrorDialogs() {}

  /** Routes uncaught exceptions of every thread (the FX thread included) to a dialog. */
  public static void installUncaughtHandler(Window owner) {
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      LOG.error("Uncaught exception on thread {}", thread.getName(), error);
      if (Platform.isFxApplicationThread()) {
        show(owner, error);
      } else {
        Platform.runLater(() -> show(owner, error));
      }
    });
  }

  public static Alert show(Window owner, Throwable error) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(owner);
    alert.setTitle("Kinitro");
    alert.setHeaderText("Something went wrong");
    alert.setContentText(summary(error));
    TextArea details = new TextArea(stackTrace(error));
    details.setEditable(false);
    details.setWrapText(false);
    alert.getDialogPane().setExpandableContent(details);
    alert.getDialogPane().setId("error-dialog");
    alert.show();
    return alert;
  }

  static String summary(Throwable error) {
    if (error instanceof KinitroException ke) {
      return ke.getMessage() + "\n\n(error " + ke.code().number() + " " + ke.code() + ")";
    }
    String message = error.getMessage();
    return (message == null ? error.getClass().getSimpleName() : message)
        + "\n\nThis is a bug in Kinitro. The details below help us fix it.";
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
