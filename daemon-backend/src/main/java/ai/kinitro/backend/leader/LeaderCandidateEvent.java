package ai.kinitro.backend.leader;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.time.Instant;

/** Published when a candidate is created ({@code reviewed = false}) or reviewed; the realtime channel relays it. */
public record LeaderCandidateEvent(long candidateId, long competitionId, String minerHotkey, CandidateStatus status, String reason,
    boolean reviewed, Instant at) {}
