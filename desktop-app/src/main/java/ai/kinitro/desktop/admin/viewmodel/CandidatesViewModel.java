package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.LeaderCandidate;
import ai.kinitro.desktop.api.ResultInfo;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Leader-candidate review: the candidates (pending first), the selected one side by side with the
 * current leader of its competition, each with its per-validator results; the candidate's episodes;
 * and approve / reject / unapprove with a note. The backend re-checks every rule; its refusal
 * (e.g. {@code CANDIDATE_ALREADY_REVIEWED}) is shown as it is.
 */
public final class CandidatesViewModel {
  private static final Comparator<LeaderCandidate> PENDING_FIRST = Comparator
      .comparing((LeaderCandidate c) -> c.status() != CandidateStatus.PENDING)
      .thenComparing(c -> c.createdAt().orElse(java.time.Instant.EPOCH), Comparator.reverseOrder());

  private final Supplier<? extends AdminApi> api;
  private final BackgroundTasks tasks;
  private final ObservableList<LeaderCandidate> candidates = FXCollections.observableArrayList();
  private final ObjectProperty<LeaderCandidate> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<Optional<LeaderCandidate>> leader = new ReadOnlyObjectWrapper<>(Optional.empty());
  private final ObservableList<ResultInfo> candidateResults = FXCollections.observableArrayList();
  private final ObservableList<ResultInfo> leaderResults = FXCollections.observableArrayList();
  private final ObservableList<EpisodeInfo> episodes = FXCollections.observableArrayList();
  private final StringProperty note = new SimpleStringProperty("");
  private final Feedback feedback = new Feedback();
  private long detailToken;

  public CandidatesViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks) {
    this.api = api;
    this.tasks = tasks;
    selected.addListener((obs, old, now) -> loadDetails(now));
  }

  public ObservableList<LeaderCandidate> candidates() {
    return FXCollections.unmodifiableObservableList(candidates);
  }

  public ObjectProperty<LeaderCandidate> selectedProperty() {
    return selected;
  }

  /** The current leader of the selected candidate's competition (as a candidate), if there is one. */
  public ReadOnlyObjectProperty<Optional<LeaderCandidate>> leaderProperty() {
    return leader.getReadOnlyProperty();
  }

  public ObservableList<ResultInfo> candidateResults() {
    return FXCollections.unmodifiableObservableList(candidateResults);
  }

  public ObservableList<ResultInfo> leaderResults() {
    return FXCollections.unmodifiableObservableList(leaderResults);
  }

  public ObservableList<EpisodeInfo> episodes() {
    return FXCollections.unmodifiableObservableList(episodes);
  }

  public StringProperty noteProperty() {
    return note;
  }

  public Feedback feedback() {
    return feedback;
  }

  public BooleanBinding canApprove() {
    return statusIs(CandidateStatus.PENDING);
  }

  public BooleanBinding canReject() {
    return statusIs(CandidateStatus.PENDING);
  }

  public BooleanBinding canUnapprove() {
    return statusIs(CandidateStatus.APPROVED);
  }

  private BooleanBinding statusIs(CandidateStatus status) {
    return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status() == status, selected);
  }

  public void refresh() {
    String keep = selected.get() == null ? null : selected.get().id();
    tasks.run("load leader candidates", () -> api.get().leaderCandidates(Optional.empty()), list -> {
      candidates.setAll(list.stream().sorted(PENDING_FIRST).toList());
      selected.set(candidates.stream().filter(c -> c.id().equals(keep)).findFirst()
          .orElse(candidates.isEmpty() ? null : candidates.getFirst()));
    }, e -> feedback.failed("Could not load the leader candidates", e));
  }

  public void approve() {
    review("Approved", (a, id, n) -> a.approve(id, n));
  }

  public void reject() {
    review("Rejected", (a, id, n) -> a.reject(id, n));
  }

  public void unapprove() {
    review("Unapproved", (a, id, n) -> a.unapprove(id, n));
  }

  private interface Review {
    LeaderCandidate apply(AdminApi api, String id, String note);
  }

  private void review(String done, Review action) {
    LeaderCandidate c = selected.get();
    if (c == null) {
      return;
    }
    String text = note.get();
    tasks.run(done + " " + c.id(), () -> action.apply(api.get(), c.id(), text), updated -> {
      candidates.replaceAll(x -> x.id().equals(updated.id()) ? updated : x);
      FXCollections.sort(candidates, PENDING_FIRST);
      selected.set(updated);
      note.set("");
      feedback.ok(done + " candidate " + updated.id() + " (miner " + updated.minerHotkey() + ")"
          + updated.statusReason().map(r -> ": " + r).orElse(""));
    }, e -> {
      feedback.failed("Could not change candidate " + c.id(), e);
      refresh();
    });
  }

  private void loadDetails(LeaderCandidate c) {
    long token = ++detailToken;
    candidateResults.clear();
    leaderResults.clear();
    episodes.clear();
    leader.set(Optional.empty());
    if (c == null) {
      return;
    }
    record Details(List<ResultInfo> results, List<EpisodeInfo> episodes, Optional<LeaderCandidate> leader,
        List<ResultInfo> leaderResults) {}
    tasks.run("candidate details", () -> {
      AdminApi a = api.get();
      CompetitionInfo competition = a.competition(c.competitionId());
      Optional<LeaderCandidate> current = competition.currentLeaderCandidateId()
          .filter(id -> !id.equals(c.id())).map(a::leaderCandidate);
      return new Details(a.results(c.submissionId()), a.episodes(Optional.of(c.submissionId()), Optional.empty()), current,
          current.map(l -> a.results(l.submissionId())).orElse(List.of()));
    }, d -> {
      if (token == detailToken) {
        candidateResults.setAll(d.results());
        episodes.setAll(d.episodes());
        leader.set(d.leader());
        leaderResults.setAll(d.leaderResults());
      }
    }, e -> feedback.failed("Could not load the details of candidate " + c.id(), e));
  }
}
