package ai.kinitro.env.manipulation;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.DType;
import ai.kinitro.env.EnvId;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.render.Camera;
import ai.kinitro.env.manipulation.render.Mesh;
import ai.kinitro.env.manipulation.render.Rasterizer;
import ai.kinitro.env.manipulation.render.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DMisc;

/**
 * One manipulation task instance. See {@link ManipulationSuite} for the task list and {@link
 * ObservationLayout} for the observation.
 *
 * <p>The state vector ({@link #state()}) is: format version, task index, steps taken, the ode4j
 * generator seed, the task's seeded initial configuration, the previous observation frame, then
 * the hand (position, opening, grasp) and every part's position, quaternion and velocities.
 */
final class ManipulationEnv implements Environment {
  static final int MAX_EPISODE_STEPS = 500;
  static final String OBSERVATION = "state";
  static final List<String> CAMERAS = List.of("corner", "corner2", "topview", "behindGripper");
  static final int MIN_IMAGE = 16;
  static final int MAX_IMAGE = 1024;
  private static final double STATE_FORMAT = 1;
  private static final int HEADER = 4;

  private static final double[] HAND_SPACE_LOW = {-0.525, 0.348, -0.0525};
  private static final double[] HAND_SPACE_HIGH = {0.525, 1.025, 0.7};

  private final Task task;
  private final int taskIndex;
  private final EnvSpec spec;
  private Scene scene;
  private double[] goal;
  private final double[] lastObs = new double[ObservationLayout.SIZE];
  private final double[] frame = new double[ObservationLayout.FRAME];
  private final double[] clipped = new double[4];
  private int steps;
  private int maxSteps;
  private long odeSeed;
  private boolean running;
  private boolean closed;
  private Rasterizer rasterizer;

  ManipulationEnv(Task task, int taskIndex) {
    this.task = task;
    this.taskIndex = taskIndex;
    this.spec = specFor(task);
    Ode.init();
  }

  static EnvSpec specFor(Task task) {
    int n = ObservationLayout.SIZE;
    double[] low = new double[n];
    double[] high = new double[n];
    Arrays.fill(low, Double.NEGATIVE_INFINITY);
    Arrays.fill(high, Double.POSITIVE_INFINITY);
    for (int frameStart : new int[] {0, ObservationLayout.PREVIOUS_FRAME}) {
      for (int i = 0; i < 3; i++) {
        low[frameStart + i] = HAND_SPACE_LOW[i];
        high[frameStart + i] = HAND_SPACE_HIGH[i];
      }
      low[frameStart + 3] = 0;
      high[frameStart + 3] = 1;
    }
    Space.Box observation = new Space.Box(DType.FLOAT64, new int[] {n}, low, high);
    Space.Box action = Space.Box.uniform(DType.FLOAT32, new int[] {4}, -1, 1);
    return new EnvSpec(new EnvId("manipulation", task.name(), 1), Map.of(OBSERVATION, observation), action,
        MAX_EPISODE_STEPS, CAMERAS, task.description() + " (MetaWorld-style, ode4j physics)");
  }

  @Override
  public EnvSpec spec() {
    return spec;
  }

  @Override
  public Map<String, Tensor> reset(long seed, ResetOptions options) {
    ensureOpen();
    running = false;
    int limit = options.maxEpisodeSteps().orElse(MAX_EPISODE_STEPS);
    if (limit <= 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "maxEpisodeSteps must be positive, got " + limit);
    }
    double[] state = options.initialState().orElse(null);
    double[] init;
    if (state != null) {
      init = validateState(state);
    } else {
      init = task.sample(new SplittableRandom(seed));
    }
    Ode.LOCK.lock();
    try {
      if (scene != null) {
        scene.destroy();
        scene = null;
      }
      Scene fresh = new Scene(init, task.handInit());
      task.build(fresh);
      if (state != null && state.length != HEADER + init.length + ObservationLayout.FRAME + fresh.stateSize()) {
        fresh.destroy();
        throw badState("it has " + state.length + " values, expected "
            + (HEADER + init.length + ObservationLayout.FRAME + fresh.stateSize()));
      }
      scene = fresh;
      goal = task.goal(init);
      if (state != null) {
        steps = (int) state[2];
        odeSeed = (long) state[3];
        scene.readState(state, HEADER + init.length + ObservationLayout.FRAME);
        currentFrame(frame);
        System.arraycopy(frame, 0, lastObs, 0, ObservationLayout.FRAME);
        System.arraycopy(state, HEADER + init.length, lastObs, ObservationLayout.PREVIOUS_FRAME, ObservationLayout.FRAME);
      } else {
        steps = 0;
        odeSeed = odeSeedFor(seed);
        currentFrame(frame);
        System.arraycopy(frame, 0, lastObs, 0, ObservationLayout.FRAME);
        System.arraycopy(frame, 0, lastObs, ObservationLayout.PREVIOUS_FRAME, ObservationLayout.FRAME);
      }
      System.arraycopy(goal, 0, lastObs, ObservationLayout.GOAL, 3);
    } finally {
      Ode.LOCK.unlock();
    }
    maxSteps = limit;
    running = steps < maxSteps;
    return observation(lastObs.clone());
  }

  /** Mixes the episode seed into the 32-bit seed of ode4j's generator. */
  private static long odeSeedFor(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & 0xFFFFFFFFL;
  }

  private double[] validateState(double[] state) {
    int k = task.initSize();
    if (state.length < HEADER + k || state[0] != STATE_FORMAT || state[1] != taskIndex) {
      throw badState("it was not produced by " + spec.id() + " (format " + (int) STATE_FORMAT + ")");
    }
    for (double v : state) {
      if (!Double.isFinite(v)) {
        throw badState("it contains a non-finite value");
      }
    }
    if (state[2] < 0 || state[3] < 0 || state[3] > 0xFFFFFFFFL) {
      throw badState("its step count or generator seed is out of range");
    }
    return Arrays.copyOfRange(state, HEADER, HEADER + k);
  }

  private KinitroException badState(String why) {
    return new KinitroException(ErrorCode.INVALID_INITIAL_STATE,
        "The initial state cannot be used for " + spec.id() + ": " + why + ". Pass a vector returned by state() of the same environment.");
  }

  @Override
  public StepResult step(Tensor action) {
    ensureOpen();
    if (!running) {
      throw new KinitroException(ErrorCode.EPISODE_NOT_RUNNING,
          "No episode is running on " + spec.id() + ": call reset() before step() and after an episode ends");
    }
    readAction(action);
    double[] obs = new double[ObservationLayout.SIZE];
    Task.Evaluation e;
    boolean grasped;
    Ode.LOCK.lock();
    try {
      DMisc.dRandSetSeed(odeSeed);
      scene.step(clipped, task);
      odeSeed = DMisc.dRandGetSeed();
      currentFrame(obs);
      System.arraycopy(lastObs, 0, obs, ObservationLayout.PREVIOUS_FRAME, ObservationLayout.FRAME);
      System.arraycopy(goal, 0, obs, ObservationLayout.GOAL, 3);
      e = task.evaluate(scene, obs, clipped, goal);
      grasped = scene.grasped >= 0;
    } finally {
      Ode.LOCK.unlock();
    }
    System.arraycopy(obs, 0, lastObs, 0, ObservationLayout.SIZE);
    steps++;
    boolean truncated = steps >= maxSteps;
    running = !truncated;
    Map<String, Object> info = Map.of(
        "obj_to_target", e.objToTarget(),
        "near_object", e.nearObject(),
        "in_place_reward", e.inPlace(),
        "grasped", grasped);
    return new StepResult(observation(obs), e.reward(), false, truncated, e.success(), info);
  }

  private void readAction(Tensor action) {
    if (action == null || action.size() != 4 || action.shape().length != 1
        || (action.dtype() != DType.FLOAT32 && action.dtype() != DType.FLOAT64)) {
      throw new KinitroException(ErrorCode.INVALID_ACTION, "The action for " + spec.id()
          + " must be a float32 tensor of shape [4] (dx, dy, dz, gripper effort), got " + action);
    }
    for (int i = 0; i < 4; i++) {
      double v = action.getDouble(i);
      if (!Double.isFinite(v)) {
        throw new KinitroException(ErrorCode.INVALID_ACTION,
            "The action for " + spec.id() + " has a non-finite value at index " + i);
      }
      clipped[i] = v < -1 ? -1 : Math.min(v, 1);
    }
  }

  private void currentFrame(double[] out) {
    out[0] = scene.hand[0];
    out[1] = scene.hand[1];
    out[2] = scene.hand[2];
    out[3] = Math.min(1, Math.max(0, scene.opening / Scene.MAX_OPENING));
    for (int i = 4; i < ObservationLayout.FRAME; i++) {
      out[i] = 0;
    }
    task.objects(scene, out);
  }

  private static Map<String, Tensor> observation(double[] obs) {
    return Map.of(OBSERVATION, new Tensor.Float64(new int[] {obs.length}, obs));
  }

  @Override
  public double[] state() {
    ensureOpen();
    requireScene();
    int k = task.initSize();
    double[] out = new double[HEADER + k + ObservationLayout.FRAME + scene.stateSize()];
    out[0] = STATE_FORMAT;
    out[1] = taskIndex;
    out[2] = steps;
    out[3] = odeSeed;
    System.arraycopy(scene.init, 0, out, HEADER, k);
    System.arraycopy(lastObs, ObservationLayout.PREVIOUS_FRAME, out, HEADER + k, ObservationLayout.FRAME);
    Ode.LOCK.lock();
    try {
      scene.writeState(out, HEADER + k + ObservationLayout.FRAME);
    } finally {
      Ode.LOCK.unlock();
    }
    return out;
  }

  @Override
  public RgbImage render(String camera, int width, int height) {
    ensureOpen();
    requireScene();
    if (camera == null || !CAMERAS.contains(camera)) {
      throw new KinitroException(ErrorCode.UNKNOWN_CAMERA,
          "Environment " + spec.id() + " has no camera '" + camera + "'. Cameras: " + String.join(", ", CAMERAS));
    }
    if (width < MIN_IMAGE || height < MIN_IMAGE || width > MAX_IMAGE || height > MAX_IMAGE) {
      throw new KinitroException(ErrorCode.INVALID_IMAGE_SIZE, "Image size " + width + "x" + height
          + " is not supported; width and height must be between " + MIN_IMAGE + " and " + MAX_IMAGE);
    }
    List<Drawable> drawables = new ArrayList<>();
    Ode.LOCK.lock();
    try {
      collectDrawables(drawables);
    } finally {
      Ode.LOCK.unlock();
    }
    if (rasterizer == null || rasterizer.width() != width || rasterizer.height() != height) {
      rasterizer = new Rasterizer(width, height);
    }
    rasterizer.clear(0xC8D2DC, 0x6E7378);
    rasterizer.camera(camera(camera));
    for (Drawable d : drawables) {
      rasterizer.draw(d.mesh, d.transform, d.color);
    }
    return rasterizer.image();
  }

  private record Drawable(Mesh mesh, double[] transform, int color) {}

  private Camera camera(String name) {
    double[] h = scene.hand;
    return switch (name) {
      case "corner" -> Camera.lookAt(new double[] {0.7, 0.2, 0.55}, new double[] {-0.05, 0.75, 0.08}, 45);
      case "corner2" -> Camera.lookAt(new double[] {-0.7, 0.2, 0.55}, new double[] {0.05, 0.75, 0.08}, 45);
      case "topview" -> new Camera(new double[] {0, 0.68, 1.45}, new double[] {0, 0.68, 0}, new double[] {0, 1, 0}, 40);
      case "behindGripper" -> Camera.lookAt(new double[] {h[0], h[1] - 0.3, h[2] + 0.25},
          new double[] {h[0], h[1] + 0.2, h[2] - 0.1}, 55);
      default -> throw new IllegalStateException(name);
    };
  }

  private static final int ARM = 0xB4282D;
  private static final int UPPER_ARM = 0x8C1E23;
  private static final int JOINT = 0x3A3A3A;
  private static final int GRIPPER = 0x5A5A5A;
  private static final int PAD = 0x202020;

  private void collectDrawables(List<Drawable> out) {
    out.add(new Drawable(Mesh.box(), Transform.box(0, 0.5, -0.82, 3, 3, 0.01), 0x9A9590));
    out.add(new Drawable(Mesh.box(), Transform.box(0, 0.75, -0.025, 0.8, 0.7, 0.025), Task.TABLE));
    for (Visual v : scene.visuals) {
      double[] o = v.offset();
      double[] s = v.scale();
      double[] t;
      if (v.part() < 0) {
        t = Transform.box(o[0], o[1], o[2], s[0], s[1], s[2]);
      } else {
        Part p = scene.parts.get(v.part());
        DVector3C pos = p.body.getPosition();
        DQuaternionC q = p.body.getQuaternion();
        t = Transform.posed(new double[] {pos.get0(), pos.get1(), pos.get2()},
            new double[] {q.get0(), q.get1(), q.get2(), q.get3()}, o[0], o[1], o[2], s[0], s[1], s[2]);
      }
      out.add(new Drawable(v.mesh(), t, v.color()));
    }
    out.add(new Drawable(Mesh.sphere(), Transform.box(goal[0], goal[1], goal[2], 0.012, 0.012, 0.012), Task.GOAL));
    addArm(out);
  }

  /** A simple two-link arm from a pedestal to the wrist above the hand, elbow raised. */
  private void addArm(List<Drawable> out) {
    double[] h = scene.hand;
    double[] base = {0, -0.3, -0.8};
    double[] shoulder = {0, -0.3, 0.55};
    double[] wrist = {h[0], h[1], h[2] + 0.13};
    double link = 0.72;
    double dx = wrist[0] - shoulder[0];
    double dy = wrist[1] - shoulder[1];
    double dz = wrist[2] - shoulder[2];
    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
    double half = Math.min(d / 2, link - 1e-6);
    double rise = Math.sqrt(link * link - half * half);
    double ex = dx / d;
    double ey = dy / d;
    double ez = dz / d;
    // Perpendicular to the shoulder-wrist line, in the vertical plane through it, pointing up.
    double ux = -ez * ex;
    double uy = -ez * ey;
    double uz = 1 - ez * ez;
    double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
    double[] elbow = {
      shoulder[0] + dx / 2 + rise * ux / ul, shoulder[1] + dy / 2 + rise * uy / ul, shoulder[2] + dz / 2 + rise * uz / ul,
    };
    out.add(new Drawable(Mesh.cylinder(), Transform.segment(base, shoulder, 0.09), JOINT));
    out.add(new Drawable(Mesh.cylinder(), Transform.segment(shoulder, elbow, 0.045), UPPER_ARM));
    out.add(new Drawable(Mesh.cylinder(), Transform.segment(elbow, wrist, 0.04), ARM));
    out.add(new Drawable(Mesh.sphere(), Transform.box(shoulder[0], shoulder[1], shoulder[2], 0.065, 0.065, 0.065), JOINT));
    out.add(new Drawable(Mesh.sphere(), Transform.box(elbow[0], elbow[1], elbow[2], 0.055, 0.055, 0.055), JOINT));
    double palmZ = h[2] + Scene.PAD_TOP + 0.01;
    out.add(new Drawable(Mesh.cylinder(), Transform.segment(wrist, new double[] {h[0], h[1], palmZ}, 0.03), JOINT));
    double spread = scene.opening / 2 + Scene.PAD_HALF_Y;
    out.add(new Drawable(Mesh.box(), Transform.box(h[0], h[1], palmZ, 0.02, spread + Scene.PAD_HALF_Y, 0.01), GRIPPER));
    for (double side : new double[] {-1, 1}) {
      out.add(new Drawable(Mesh.box(), Transform.box(h[0], h[1] + side * spread, h[2] + Scene.PAD_CENTER_Z,
          Scene.PAD_HALF_X, Scene.PAD_HALF_Y, Scene.PAD_HALF_Z), PAD));
    }
  }

  private void requireScene() {
    if (scene == null) {
      throw new KinitroException(ErrorCode.EPISODE_NOT_RUNNING, "Environment " + spec.id() + " has not been reset yet");
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new KinitroException(ErrorCode.ENVIRONMENT_CLOSED, "Environment " + spec.id() + " was closed; create a new one");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    running = false;
    Ode.LOCK.lock();
    try {
      if (scene != null) {
        scene.destroy();
        scene = null;
      }
    } finally {
      Ode.LOCK.unlock();
    }
  }
}
