package ai.kinitro.demo;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.platform.run.Progress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls until a condition holds or the demo's deadline passes. Failures of the platform's services
 * (an {@link ErrorCategory#EXTERNAL} error: the backend or the chain not answering, for instance
 * while {@code ./kinitro up} restarts them) are reported once and waited out; anything else, and a
 * failed evaluation the probe itself reports ({@code DEMO_EVALUATION_FAILED}), ends the demo.
 */
final class Waiter {
  /** How the waiter pauses between polls (tests pass a fake). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Progress out;
  private final InstantSource clock;
  private final Instant deadline;
  private final Duration poll;
  private final Sleeper sleeper;

  Waiter(Progress out, InstantSource clock, Instant deadline, Duration poll, Sleeper sleeper) {
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.poll = Objects.requireNonNull(poll, "poll");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Calls {@code probe} every poll interval until it returns a value.
   *
   * @param what what is awaited, for the timeout message ("the backend to see the commitment")
   */
  <T> T until(String what, Supplier<Optional<T>> probe) {
    String lastProblem = null;
    while (true) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          if (lastProblem != null) {
            out.line("      (reachable again)");
          }
          return value.get();
        }
      } catch (KinitroException e) {
        if (e.code().category() != ErrorCategory.EXTERNAL || e.code() == ErrorCode.DEMO_EVALUATION_FAILED) {
          throw e;
        }
        String problem = e.getMessage();
        if (!problem.equals(lastProblem)) {
          out.line("      waiting: " + problem + " (is ./kinitro up running? the demo goes on once it answers)");
          lastProblem = problem;
        }
      }
      if (!clock.instant().plus(poll).isBefore(deadline)) {
        throw new KinitroException(ErrorCode.DEMO_TIMED_OUT, "gave up waiting for " + what + " at the demo's deadline ("
            + deadline + ")" + (lastProblem == null ? "" : "; last problem: " + lastProblem)
            + ". Check ./kinitro status and the service logs, then run ./kinitro demo again: it resumes where it stopped");
      }
      try {
        sleeper.sleep(poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KinitroException(ErrorCode.DEMO_TIMED_OUT, "interrupted while waiting for " + what, e);
      }
    }
  }
}
