package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.CompetitionDraft;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Competitions: the list, and a form that creates a new one or edits (replaces) the selected one,
 * plus activate / deactivate. The form checks what it can (numbers, JSON) before sending; the
 * backend validates the benchmark definitions against its environment registry and its 422 answer
 * is shown as it came.
 */
public final class CompetitionsViewModel {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  public static final String BENCHMARK_TEMPLATE = """
      [
        {
          "name": "cartpole",
          "suite": "classic",
          "tasks": ["classic/CartPole-v1"],
          "variants_per_task": 5,
          "episodes_per_task": 3,
          "max_episode_steps": 500,
          "cameras": ["default"],
          "image_size": 84
        }
      ]""";

  private final Supplier<? extends AdminApi> api;
  private final BackgroundTasks tasks;
  private final ObservableList<CompetitionInfo> competitions = FXCollections.observableArrayList();
  private final ObjectProperty<CompetitionInfo> selected = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper editing = new ReadOnlyStringWrapper("");
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty description = new SimpleStringProperty("");
  private final StringProperty points = new SimpleStringProperty("100");
  private final StringProperty minAvgReward = new SimpleStringProperty("0");
  private final StringProperty winMarginPct = new SimpleStringProperty("0.05");
  private final StringProperty minSuccessRate = new SimpleStringProperty("0.8");
  private final StringProperty holdoutSeconds = new SimpleStringProperty("3600");
  private final StringProperty maxSizeBytes = new SimpleStringProperty("");
  private final StringProperty benchmarks = new SimpleStringProperty(BENCHMARK_TEMPLATE);
  private final Feedback feedback = new Feedback();

  public CompetitionsViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks) {
    this.api = api;
    this.tasks = tasks;
  }

  public ObservableList<CompetitionInfo> competitions() {
    return FXCollections.unmodifiableObservableList(competitions);
  }

  public ObjectProperty<CompetitionInfo> selectedProperty() {
    return selected;
  }

  /** Id of the competition the form edits; empty when it creates a new one. */
  public ReadOnlyStringProperty editingProperty() {
    return editing.getReadOnlyProperty();
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  public StringProperty pointsProperty() {
    return points;
  }

  public StringProperty minAvgRewardProperty() {
    return minAvgReward;
  }

  public StringProperty winMarginPctProperty() {
    return winMarginPct;
  }

  public StringProperty minSuccessRateProperty() {
    return minSuccessRate;
  }

  public StringProperty holdoutSecondsProperty() {
    return holdoutSeconds;
  }

  public StringProperty maxSizeBytesProperty() {
    return maxSizeBytes;
  }

  public StringProperty benchmarksProperty() {
    return benchmarks;
  }

  public Feedback feedback() {
    return feedback;
  }

  public BooleanBinding hasSelection() {
    return Bindings.createBooleanBinding(() -> selected.get() != null, selected);
  }

  public void refresh() {
    tasks.run("load competitions", () -> api.get().competitions(false), list -> {
      String keep = selected.get() == null ? null : selected.get().id();
      competitions.setAll(list);
      selected.set(list.stream().filter(c -> c.id().equals(keep)).findFirst().orElse(null));
    }, e -> feedback.failed("Could not load the competitions", e));
  }

  /** Empties the form for a new competition. */
  public void startNew() {
    editing.set("");
    name.set("");
    description.set("");
    points.set("100");
    minAvgReward.set("0");
    winMarginPct.set("0.05");
    minSuccessRate.set("0.8");
    holdoutSeconds.set("3600");
    maxSizeBytes.set("");
    benchmarks.set(BENCHMARK_TEMPLATE);
    feedback.clear();
  }

  /** Fills the form with the selected competition, to edit it. */
  public void editSelected() {
    CompetitionInfo c = selected.get();
    if (c == null) {
      return;
    }
    editing.set(c.id());
    name.set(c.name());
    description.set(c.description());
    points.set(Integer.toString(c.points()));
    minAvgReward.set(Double.toString(c.minAvgReward()));
    winMarginPct.set(Double.toString(c.winMarginPct()));
    minSuccessRate.set(Double.toString(c.minSuccessRate()));
    holdoutSeconds.set(Long.toString(c.submissionHoldoutSeconds()));
    maxSizeBytes.set(c.submissionMaxSizeBytes().map(Object::toString).orElse(""));
    benchmarks.set(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c.benchmarks()));
    feedback.clear();
  }

  /** Creates or replaces the competition from the form. */
  public void save() {
    CompetitionDraft draft;
    try {
      draft = draft();
    } catch (KinitroException e) {
      feedback.failed("The form is not complete", e);
      return;
    }
    String id = editing.get();
    tasks.run("save competition", () -> id.isEmpty() ? api.get().createCompetition(draft) : api.get().updateCompetition(id, draft),
        saved -> {
          competitions.removeIf(c -> c.id().equals(saved.id()));
          competitions.add(saved);
          selected.set(saved);
          editing.set(saved.id());
          feedback.ok((id.isEmpty() ? "Created" : "Saved") + " competition '" + saved.name() + "' (" + saved.id() + ")");
        }, e -> feedback.failed("The backend did not accept the competition", e));
  }

  public void setActive(boolean active) {
    CompetitionInfo c = selected.get();
    if (c == null) {
      return;
    }
    tasks.run(active ? "activate" : "deactivate", () -> api.get().setCompetitionActive(c.id(), active), updated -> {
      competitions.replaceAll(x -> x.id().equals(updated.id()) ? updated : x);
      selected.set(updated);
      feedback.ok((active ? "Activated" : "Deactivated") + " '" + updated.name() + "'");
    }, e -> feedback.failed("Could not " + (active ? "activate" : "deactivate") + " '" + c.name() + "'", e));
  }

  CompetitionDraft draft() {
    if (name.get().isBlank()) {
      throw invalid("Name: a competition needs a name");
    }
    JsonNode defs;
    try {
      defs = JSON.readTree(benchmarks.get());
    } catch (JacksonException e) {
      throw invalid("Benchmarks: not valid JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")");
    }
    if (defs == null || !defs.isArray() || defs.isEmpty()) {
      throw invalid("Benchmarks: a JSON list with at least one benchmark definition is needed");
    }
    Optional<Long> max = maxSizeBytes.get().isBlank() ? Optional.empty() : Optional.of(longOf(maxSizeBytes, "Max archive size"));
    return new CompetitionDraft(name.get().strip(), description.get(), defs, (int) longOf(points, "Points"),
        doubleOf(minAvgReward, "Min average reward"), doubleOf(winMarginPct, "Win margin"),
        doubleOf(minSuccessRate, "Min success rate"), longOf(holdoutSeconds, "Hold-out"), max);
  }

  private static long longOf(StringProperty p, String field) {
    try {
      return Long.parseLong(p.get().strip());
    } catch (NumberFormatException e) {
      throw invalid(field + ": '" + p.get() + "' is not a whole number");
    }
  }

  private static double doubleOf(StringProperty p, String field) {
    try {
      return Double.parseDouble(p.get().strip());
    } catch (NumberFormatException e) {
      throw invalid(field + ": '" + p.get() + "' is not a number");
    }
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.DESKTOP_FORM_INVALID, message);
  }
}
