package ai.kinitro.backend.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on the subnet: a metagraph snapshot from {@link SubnetChain#neurons()}, re-read when it is
 * older than the configured time to live (and on {@link #refresh()} by the chain monitor). If a
 * re-read fails, the last snapshot keeps serving until it is {@code 10 x ttl} old.
 */
public class SubnetMembership {
  private static final Logger LOG = LoggerFactory.getLogger(SubnetMembership.class);

  private record Snapshot(Map<String, Neuron> byHotkey, List<Neuron> neurons, Instant readAt) {}

  private final SubnetChain chain;
  private final Clock clock;
  private final Duration ttl;
  private volatile Snapshot snapshot;

  public SubnetMembership(SubnetChain chain, Clock clock, Duration ttl) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /** The neuron of this hotkey, if it is registered. */
  public Optional<Neuron> neuron(String hotkey) {
    return Optional.ofNullable(current().byHotkey().get(hotkey));
  }

  public boolean isRegistered(String hotkey) {
    return neuron(hotkey).isPresent();
  }

  public boolean hasValidatorPermit(String hotkey) {
    return neuron(hotkey).map(Neuron::validatorPermit).orElse(false);
  }

  /** Every neuron of the current snapshot. */
  public List<Neuron> neurons() {
    return current().neurons();
  }

  /** Reads the metagraph now and returns it. */
  public List<Neuron> refresh() {
    List<Neuron> neurons = chain.neurons();
    Map<String, Neuron> byHotkey = neurons.stream()
        .collect(Collectors.toUnmodifiableMap(Neuron::hotkey, Function.identity(), (a, b) -> a));
    snapshot = new Snapshot(byHotkey, List.copyOf(neurons), clock.instant());
    return neurons;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (fresh(s, now)) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (fresh(s, now)) {
        return s;
      }
      try {
        refresh();
        return snapshot;
      } catch (RuntimeException e) {
        if (s != null && Duration.between(s.readAt(), now).compareTo(ttl.multipliedBy(10)) < 0) {
          LOG.warn("Metagraph re-read failed; serving the snapshot from {}: {}", s.readAt(), e.toString());
          return s;
        }
        throw e instanceof KinitroException k ? k
            : new KinitroException(ErrorCode.CHAIN_READ_FAILED, "the metagraph could not be read: " + e.getMessage(), e);
      }
    }
  }

  /** Younger than the ttl; a snapshot "read in the future" (the clock stepped back) is stale. */
  private boolean fresh(Snapshot s, Instant now) {
    if (s == null) {
      return false;
    }
    Duration age = Duration.between(s.readAt(), now);
    return !age.isNegative() && age.compareTo(ttl) < 0;
  }
}
