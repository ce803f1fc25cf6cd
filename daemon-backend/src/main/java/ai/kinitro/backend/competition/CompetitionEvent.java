package ai.kinitro.backend.competition;

/** Published (Spring application event, after commit) when a competition is created or changed; the realtime channel relays it. */
public record CompetitionEvent(long competitionId, Kind kind) {
  public enum Kind {
    CREATED,
    UPDATED
  }
}
