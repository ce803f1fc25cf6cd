package ai.kinitro.env.classic;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.random.Pcg64;
import ai.kinitro.env.render.Canvas2D;
import java.util.Arrays;
import java.util.Map;

/**
 * What the five classic tasks share: the episode lifecycle (reset before step, no step after the
 * end), Gymnasium's {@code TimeLimit} truncation, action checking, the {@code state} observation and
 * rendering through {@link Canvas2D}. Subclasses hold the physics.
 */
abstract sealed class ClassicEnvironment implements Environment
    permits CartPole, Pendulum, MountainCar, MountainCarContinuous, Acrobot {
  static final String OBSERVATION = "state";
  static final String CAMERA = "default";
  static final int MIN_IMAGE_SIZE = 16;
  static final int MAX_IMAGE_SIZE = 1024;

  private final EnvSpec spec;
  private int elapsedSteps;
  private int stepLimit;
  private boolean running;
  private boolean started;
  private boolean closed;

  /** Set by {@link #advance} when the step reached a terminal state. */
  protected boolean terminated;

  ClassicEnvironment(EnvSpec spec) {
    this.spec = spec;
  }

  @Override
  public final EnvSpec spec() {
    return spec;
  }

  @Override
  public final Map<String, Tensor> reset(long seed, ResetOptions options) {
    ensureOpen();
    if (options.initialState().isPresent()) {
      double[] s = options.initialState().get();
      checkState(s);
      restore(s);
    } else {
      sample(Pcg64.seeded(seed));
    }
    stepLimit = options.maxEpisodeSteps().orElse(spec.maxEpisodeSteps());
    if (stepLimit <= 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "maxEpisodeSteps must be positive, got " + stepLimit);
    }
    elapsedSteps = 0;
    running = true;
    started = true;
    return Map.of(OBSERVATION, observation());
  }

  @Override
  public final StepResult step(Tensor action) {
    ensureOpen();
    if (!running) {
      throw new KinitroException(ErrorCode.EPISODE_NOT_RUNNING, started
          ? spec.id() + ": the episode has ended (terminated or truncated); call reset before stepping again"
          : spec.id() + ": call reset before the first step");
    }
    terminated = false;
    double reward = advance(action);
    elapsedSteps++;
    boolean truncated = elapsedSteps >= stepLimit;
    if (terminated || truncated) {
      running = false;
    }
    return new StepResult(Map.of(OBSERVATION, observation()), reward, terminated, truncated,
        success(terminated, truncated), Map.of());
  }

  @Override
  public final RgbImage render(String camera, int width, int height) {
    ensureOpen();
    if (!CAMERA.equals(camera)) {
      throw new KinitroException(ErrorCode.UNKNOWN_CAMERA,
          spec.id() + " has no camera '" + camera + "'; its cameras are " + spec.cameras());
    }
    if (width < MIN_IMAGE_SIZE || height < MIN_IMAGE_SIZE || width > MAX_IMAGE_SIZE || height > MAX_IMAGE_SIZE) {
      throw new KinitroException(ErrorCode.INVALID_IMAGE_SIZE, "Image size " + width + "x" + height
          + " is outside " + MIN_IMAGE_SIZE + ".." + MAX_IMAGE_SIZE + " pixels per side");
    }
    if (!started) {
      throw new KinitroException(ErrorCode.EPISODE_NOT_RUNNING, spec.id() + ": call reset before render");
    }
    Canvas2D canvas = new Canvas2D(width, height);
    draw(canvas);
    return canvas.toImage();
  }

  @Override
  public final double[] state() {
    ensureOpen();
    if (!started) {
      throw new KinitroException(ErrorCode.EPISODE_NOT_RUNNING, spec.id() + ": call reset before asking for the state");
    }
    return currentState();
  }

  @Override
  public final void close() {
    closed = true;
    running = false;
  }

  private void ensureOpen() {
    if (closed) {
      throw new KinitroException(ErrorCode.ENVIRONMENT_CLOSED, spec.id() + " was closed; create a new instance");
    }
  }

  private void checkState(double[] s) {
    if (!acceptsStateLength(s.length)) {
      throw new KinitroException(ErrorCode.INVALID_INITIAL_STATE, spec.id() + " expects an initial state of "
          + stateDescription() + ", got " + s.length + " values");
    }
    for (double v : s) {
      if (!Double.isFinite(v)) {
        throw new KinitroException(ErrorCode.INVALID_INITIAL_STATE,
            spec.id() + ": the initial state must be finite, got " + Arrays.toString(s));
      }
    }
  }

  /** Draws the seeded initial state exactly as Gymnasium's {@code reset(seed=...)} does. */
  abstract void sample(Pcg64 rng);

  /** Replaces the state with {@code s} (length already checked, all values finite). */
  abstract void restore(double[] s);

  abstract boolean acceptsStateLength(int length);

  /** For error messages, e.g. "4 values (x, x_dot, theta, theta_dot)". */
  abstract String stateDescription();

  abstract double[] currentState();

  /** The float32 observation of the current state, in a fresh array. */
  abstract Tensor.Float32 observation();

  /** Applies one action; returns the reward and sets {@link #terminated}. */
  abstract double advance(Tensor action);

  abstract boolean success(boolean terminated, boolean truncated);

  abstract void draw(Canvas2D canvas);

  // --- helpers for subclasses --------------------------------------------------------------------

  static Tensor.Float32 vector(float... values) {
    return new Tensor.Float32(new int[] {values.length}, values);
  }

  /** The index of a {@link Space.Discrete} action, which must be an int64 scalar in range. */
  final int discreteAction(Tensor action, int n) {
    if (action instanceof Tensor.Int64 t && t.shape().length == 0) {
      long a = t.data()[0];
      if (a >= 0 && a < n) {
        return (int) a;
      }
    }
    throw new KinitroException(ErrorCode.INVALID_ACTION, spec.id() + " takes an int64 scalar in 0.."
        + (n - 1) + " as action, got " + action);
  }

  /**
   * The element of a one-dimensional float32 box action, clipped to {@code [low, high]} as
   * NumPy's {@code clip} does; NaN is refused.
   */
  final float boxAction(Tensor action, float low, float high) {
    if (action instanceof Tensor.Float32 t && t.shape().length == 1 && t.shape()[0] == 1) {
      float a = t.data()[0];
      if (!Float.isNaN(a)) {
        return a < low ? low : (a > high ? high : a);
      }
    }
    throw new KinitroException(ErrorCode.INVALID_ACTION, spec.id() + " takes a float32 tensor of shape [1] "
        + "(values outside [" + low + ", " + high + "] are clipped, NaN is refused) as action, got " + action);
  }
}
