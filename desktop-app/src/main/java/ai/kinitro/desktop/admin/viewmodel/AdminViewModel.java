package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.EventSource;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The admin console: its four tabs' view models, refreshed together when the console opens, when
 * the profile changes, and by realtime events (a new or reviewed candidate, a validator coming or
 * going). Without an API key on the profile nothing is loaded; the view says what to do instead.
 */
public final class AdminViewModel {
  static final List<EventType> CANDIDATE_EVENTS = List.of(EventType.LEADER_CANDIDATE_CREATED, EventType.LEADER_CANDIDATE_REVIEWED);
  static final List<EventType> VALIDATOR_EVENTS = List.of(EventType.VALIDATOR_CONNECTED, EventType.VALIDATOR_DISCONNECTED);

  private final ObservableBooleanValue canUse;
  private final CandidatesViewModel candidates;
  private final CompetitionsViewModel competitions;
  private final ApiKeysViewModel keys;
  private final ValidatorsViewModel validators;

  public AdminViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks, EventSource events, ObservableBooleanValue canUse) {
    this.canUse = canUse;
    this.candidates = new CandidatesViewModel(api, tasks);
    this.competitions = new CompetitionsViewModel(api, tasks);
    this.keys = new ApiKeysViewModel(api, tasks);
    this.validators = new ValidatorsViewModel(api, tasks);
    events.subscribe(CANDIDATE_EVENTS, SubscriptionFilter.NONE, e -> {
      if (canUse.get()) {
        candidates.refresh();
      }
    });
    events.subscribe(VALIDATOR_EVENTS, SubscriptionFilter.NONE, e -> {
      if (canUse.get()) {
        validators.refresh();
      }
    });
  }

  public ObservableBooleanValue canUse() {
    return canUse;
  }

  public CandidatesViewModel candidates() {
    return candidates;
  }

  public CompetitionsViewModel competitions() {
    return competitions;
  }

  public ApiKeysViewModel keys() {
    return keys;
  }

  public ValidatorsViewModel validators() {
    return validators;
  }

  /** Loads every tab (only with an API key). */
  public void refresh() {
    if (!canUse.get()) {
      return;
    }
    candidates.refresh();
    competitions.refresh();
    keys.refresh();
    validators.refresh();
  }
}
