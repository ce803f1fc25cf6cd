package ai.kinitro.backend.scoring;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.metagraph.Neuron;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes weights from the active competitions' leaders (pure). Competitions are taken in a fixed
 * order — creation time, then id — so "one win per miner" never depends on database iteration
 * (§10 #22). Every share that is not awarded, and the burn, goes to the owner uid.
 */
public final class AwardCalculator {
  private AwardCalculator() {}

  /** The outcome of one computation: weights by uid (with hotkeys) and the per-competition awards. */
  public record Plan(Map<Integer, Entry> weights, List<Award> awards) {
    public Plan {
      weights = Map.copyOf(weights);
      awards = List.copyOf(awards);
    }
  }

  /** One weight. */
  public record Entry(int uid, String hotkey, double weight) {
    public Entry {
      Objects.requireNonNull(hotkey, "hotkey");
    }
  }

  public static Plan compute(List<Competition> active, List<Neuron> neurons, double burnShare, int ownerUid) {
    Map<String, Neuron> byHotkey = neurons.stream().collect(Collectors.toMap(Neuron::hotkey, Function.identity(), (a, b) -> a));
    Neuron owner = neurons.stream().filter(n -> n.uid() == ownerUid).findFirst()
        .orElseThrow(() -> new KinitroException(ErrorCode.INVALID_CONFIGURATION,
            "The owner uid " + ownerUid + " (kinitro.scoring.owner-uid) is not in the metagraph; cannot compute weights"));
    List<Competition> ordered = active.stream()
        .filter(Competition::active)
        .sorted(java.util.Comparator.comparing(Competition::createdAt).thenComparingLong(Competition::id))
        .toList();
    long totalPoints = ordered.stream().mapToLong(Competition::points).sum();
    Map<Integer, Entry> weights = new TreeMap<>();
    List<Award> awards = new ArrayList<>();
    Set<String> awarded = new HashSet<>();
    double minerTotal = 0;
    for (Competition c : ordered) {
      double share = totalPoints == 0 ? 0 : (double) c.points() / totalPoints * (1.0 - burnShare);
      String leader = c.currentLeaderHotkey();
      if (leader == null) {
        awards.add(new Award(c.id(), null, null, share, Award.Outcome.NO_LEADER));
      } else if (awarded.contains(leader)) {
        awards.add(new Award(c.id(), leader, null, share, Award.Outcome.ALREADY_AWARDED));
      } else if (!byHotkey.containsKey(leader)) {
        awards.add(new Award(c.id(), leader, null, share, Award.Outcome.NOT_REGISTERED));
      } else {
        Neuron n = byHotkey.get(leader);
        awarded.add(leader);
        weights.merge(n.uid(), new Entry(n.uid(), n.hotkey(), share), (a, b) -> new Entry(a.uid(), a.hotkey(), a.weight() + b.weight()));
        minerTotal += share;
        awards.add(new Award(c.id(), leader, n.uid(), share, Award.Outcome.AWARDED));
      }
    }
    double ownerWeight = Math.max(0.0, 1.0 - minerTotal);
    weights.merge(owner.uid(), new Entry(owner.uid(), owner.hotkey(), ownerWeight),
        (a, b) -> new Entry(a.uid(), a.hotkey(), a.weight() + b.weight()));
    return new Plan(weights, awards);
  }
}
