package ai.kinitro.desktop.view;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Builders for the controls every page uses the same way. */
public final class Views {
  private Views() {}

  /** A read-only table over {@code items}. */
  public static <T> TableView<T> table(String id, ObservableList<T> items) {
    TableView<T> table = new TableView<>(items);
    table.setId(id);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getStyleClass().add(Styles.DENSE);
    return table;
  }

  /** Adds a text column computed from each row. */
  public static <T> TableColumn<T, String> column(TableView<T> table, String title, Function<T, String> text) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : text.apply(cell.getValue())));
    table.getColumns().add(c);
    return c;
  }

  /** A wrapped label showing a view model's feedback, red when it is an error. */
  public static Label feedback(String id, ObservableStringValue text, ObservableBooleanValue error) {
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    label.textProperty().bind(text);
    Runnable style = () -> {
      label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
      label.getStyleClass().add(error.get() ? Styles.DANGER : Styles.SUCCESS);
    };
    error.addListener((obs, old, now) -> style.run());
    style.run();
    return label;
  }

  /** {@code 5Grwva…utQY}: enough of an SS58 address to tell keys apart in a table. */
  public static String shortKey(String ss58) {
    return ss58 == null ? "" : ss58.length() > 12 ? ss58.substring(0, 6) + "…" + ss58.substring(ss58.length() - 4) : ss58;
  }

  public static String number(Optional<Double> value) {
    return value.map(Views::number).orElse("–");
  }

  public static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  public static String percent(Optional<Double> value) {
    return value.map(Views::percent).orElse("–");
  }

  public static String percent(double value) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * value);
  }

  public static String time(Optional<Instant> value) {
    return value.map(Instant::toString).orElse("never");
  }
}
