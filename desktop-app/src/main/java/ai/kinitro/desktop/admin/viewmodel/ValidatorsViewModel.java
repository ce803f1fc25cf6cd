package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.api.ValidatorInfo;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Validators: connected or not, last heartbeat, jobs in flight (counted from the assignments of
 * every job, read page after page up to {@link #MAX_JOBS}: {@code GET /jobs} cannot filter by status
 * or validator) and error counters. Connected ones first.
 */
public final class ValidatorsViewModel {
  private final Supplier<? extends AdminApi> api;
  private final BackgroundTasks tasks;
  private final ObservableList<ValidatorRow> validators = FXCollections.observableArrayList();
  private final Feedback feedback = new Feedback();
  /** The most jobs read to count those in flight (the newest first). */
  public static final int MAX_JOBS = 20_000;

  public ValidatorsViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks) {
    this.api = api;
    this.tasks = tasks;
  }

  public ObservableList<ValidatorRow> validators() {
    return FXCollections.unmodifiableObservableList(validators);
  }

  public Feedback feedback() {
    return feedback;
  }

  public void refresh() {
    record Snapshot(List<ValidatorInfo> validators, List<JobInfo> jobs) {}
    tasks.run("load validators", () -> new Snapshot(api.get().validators(), api.get().allJobs(MAX_JOBS)), s -> {
      validators.setAll(rows(s.validators(), s.jobs()));
      if (s.jobs().size() >= MAX_JOBS) {
        feedback.ok("Jobs in flight are counted over the newest " + MAX_JOBS + " jobs; older jobs still running are "
            + "not counted.");
      } else {
        feedback.clear();
      }
    }, e -> feedback.failed("Could not load the validators", e));
  }

  static List<ValidatorRow> rows(List<ValidatorInfo> validators, List<JobInfo> jobs) {
    Map<String, Integer> inFlight = new HashMap<>();
    for (JobInfo job : jobs) {
      for (JobInfo.Assignment a : job.validators()) {
        if (a.inFlight()) {
          inFlight.merge(a.validatorHotkey(), 1, Integer::sum);
        }
      }
    }
    return validators.stream()
        .sorted(java.util.Comparator.comparing((ValidatorInfo v) -> !v.connected()).thenComparing(ValidatorInfo::hotkey))
        .map(v -> new ValidatorRow(v, inFlight.getOrDefault(v.hotkey(), 0))).toList();
  }
}
