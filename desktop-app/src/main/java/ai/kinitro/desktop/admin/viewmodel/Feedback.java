package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.common.error.KinitroException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The last outcome of an action on a tab: a sentence, and whether it is an error. */
public final class Feedback {
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public String text() {
    return text.get();
  }

  public boolean isError() {
    return error.get();
  }

  void ok(String message) {
    error.set(false);
    text.set(message);
  }

  void failed(String what, Throwable e) {
    error.set(true);
    text.set(what + ": " + describe(e));
  }

  void clear() {
    ok("");
  }

  static String describe(Throwable e) {
    if (e instanceof KinitroException ke) {
      return ke.getMessage() + " (error " + ke.code().number() + " " + ke.code().name() + ")";
    }
    return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
