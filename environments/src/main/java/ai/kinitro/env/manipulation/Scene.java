package ai.kinitro.env.manipulation;

import java.util.ArrayList;
import java.util.List;
import org.ode4j.math.DQuaternion;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DBox;
import org.ode4j.ode.DContact;
import org.ode4j.ode.DContactBuffer;
import org.ode4j.ode.DCylinder;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DJointGroup;
import org.ode4j.ode.DMass;
import org.ode4j.ode.DPlane;
import org.ode4j.ode.DSliderJoint;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeConstants;
import org.ode4j.ode.OdeHelper;

/**
 * The physics of one episode: an ode4j world with the table (the plane z = 0), the kinematic
 * hand with its two finger pads, and the task's dynamic parts, static obstacles and joints.
 *
 * <p>The hand is a mocap-like kinematic body: each control step moves it by the clipped action
 * delta inside the workspace box; ode4j sees its velocity, so contacts push parts realistically
 * while the hand itself never yields. The fingers close along y. Grasping follows a rule rather
 * than friction: when the pads close on a graspable part that lies between them, the gripper
 * stops at the part's width and the part follows the hand (a velocity servo towards its pose at
 * the moment of the grasp, gravity off) until the gripper opens or the part is held back by more
 * than 2 cm.
 *
 * <p>Only listed geometry pairs collide, tested in list order, so contact generation is
 * deterministic. Callers hold {@link Ode#LOCK}.
 */
final class Scene {
  /** Seconds of simulated time per control step (MetaWorld: 5 frames of 2.5 ms). */
  static final double CONTROL_DT = 0.0125;
  static final int SUBSTEPS = 5;
  static final double SUBSTEP_DT = CONTROL_DT / SUBSTEPS;
  /** Metres of hand motion per unit of action, as MetaWorld's action_scale. */
  static final double ACTION_SCALE = 0.01;
  static final double[] HAND_LOW = {-0.5, 0.40, 0.05};
  static final double[] HAND_HIGH = {0.5, 1.0, 0.5};
  /** Distance between the pads' inner faces when fully open; the observation divides by it. */
  static final double MAX_OPENING = 0.1;
  /** How far the pads move per control step. */
  static final double GRIP_SPEED = 0.02;
  static final double PAD_HALF_X = 0.01;
  static final double PAD_HALF_Y = 0.006;
  static final double PAD_HALF_Z = 0.0275;
  /** Pads span z in [-0.04, 0.015] relative to the hand (tool centre) position. */
  static final double PAD_CENTER_Z = -0.0125;
  static final double PAD_BOTTOM = PAD_CENTER_Z - PAD_HALF_Z;
  static final double PAD_TOP = PAD_CENTER_Z + PAD_HALF_Z;
  static final int STATE_SIZE_FIXED = 12;
  static final int STATE_SIZE_PER_PART = 13;

  private static final int MAX_CONTACTS = 4;
  private static final double BROAD_PHASE_MARGIN = 0.01;
  private static final double SLIP_DISTANCE = 0.02;
  private static final double MAX_SERVO_SPEED = 2.0;
  private static final double MAX_SERVO_SPIN = 20.0;

  /** A pair of geoms that may touch: {@code a} belongs to part {@code partA}. */
  private record Pair(DGeom a, int partA, DGeom b, int kind, double reach, double mu) {}

  private static final int KIND_PAD = 0;
  private static final int KIND_TABLE = 1;
  private static final int KIND_OTHER = 2;

  final DWorld world;
  final double[] init;
  final List<Part> parts = new ArrayList<>();
  final List<Visual> visuals = new ArrayList<>();
  final double[] hand = new double[3];
  double opening = MAX_OPENING;
  int grasped = -1;
  final double[] graspOffset = new double[3];
  final double[] graspQuat = {1, 0, 0, 0};

  private final DJointGroup contactGroup;
  private final DPlane table;
  private final DBody handBody;
  private final DBox padPlus;
  private final DBox padMinus;
  private final List<DGeom> geoms = new ArrayList<>();
  private final List<Pair> pairs = new ArrayList<>();
  private final DContactBuffer contacts = new DContactBuffer(MAX_CONTACTS);
  private final double[] start = new double[3];
  private final double[] target = new double[3];

  Scene(double[] init, double[] handInit) {
    this.init = init.clone();
    world = OdeHelper.createWorld();
    world.setGravity(0, 0, -9.81);
    world.setERP(0.2);
    world.setCFM(1e-6);
    world.setQuickStepNumIterations(10);
    world.setContactMaxCorrectingVel(0.5);
    world.setContactSurfaceLayer(0.0005);
    world.setAutoDisableFlag(false);
    contactGroup = OdeHelper.createJointGroup();
    table = OdeHelper.createPlane(null, 0, 0, 1, 0);
    geoms.add(table);
    handBody = OdeHelper.createBody(world);
    handBody.setKinematic();
    padPlus = OdeHelper.createBox(2 * PAD_HALF_X, 2 * PAD_HALF_Y, 2 * PAD_HALF_Z);
    padMinus = OdeHelper.createBox(2 * PAD_HALF_X, 2 * PAD_HALF_Y, 2 * PAD_HALF_Z);
    padPlus.setBody(handBody);
    padMinus.setBody(handBody);
    geoms.add(padPlus);
    geoms.add(padMinus);
    System.arraycopy(handInit, 0, hand, 0, 3);
    handBody.setPosition(hand[0], hand[1], hand[2]);
    placePads();
  }

  // ---- building ---------------------------------------------------------------------------

  Part addBoxPart(String name, double mass, double x, double y, double z, double hx, double hy, double hz) {
    DBody body = OdeHelper.createBody(world);
    DMass m = OdeHelper.createMass();
    m.setBoxTotal(mass, 2 * hx, 2 * hy, 2 * hz);
    body.setMass(m);
    body.setPosition(x, y, z);
    Part p = new Part(name, body);
    p.halfHeight = hz;
    parts.add(p);
    addBoxGeom(p, 0, 0, 0, hx, hy, hz);
    return p;
  }

  Part addCylinderPart(String name, double mass, double x, double y, double z, double radius, double halfLength) {
    DBody body = OdeHelper.createBody(world);
    DMass m = OdeHelper.createMass();
    m.setCylinderTotal(mass, 3, radius, 2 * halfLength);
    body.setMass(m);
    body.setPosition(x, y, z);
    Part p = new Part(name, body);
    p.halfHeight = halfLength;
    parts.add(p);
    DCylinder c = OdeHelper.createCylinder(radius, 2 * halfLength);
    c.setBody(body);
    geoms.add(c);
    p.geoms.add(c);
    p.radii.add(Math.sqrt(radius * radius + halfLength * halfLength));
    return p;
  }

  /** Adds a box to a part's collision geometry, at an offset in the part's frame. */
  DGeom addBoxGeom(Part p, double ox, double oy, double oz, double hx, double hy, double hz) {
    DBox b = OdeHelper.createBox(2 * hx, 2 * hy, 2 * hz);
    b.setBody(p.body);
    if (ox != 0 || oy != 0 || oz != 0) {
      b.setOffsetPosition(ox, oy, oz);
    }
    geoms.add(b);
    p.geoms.add(b);
    p.radii.add(Math.sqrt(hx * hx + hy * hy + hz * hz));
    return b;
  }

  /** A static obstacle: an axis-aligned box between two corners. */
  DGeom addStaticBox(double x0, double y0, double z0, double x1, double y1, double z1) {
    DBox b = OdeHelper.createBox(x1 - x0, y1 - y0, z1 - z0);
    b.setPosition((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2);
    geoms.add(b);
    return b;
  }

  void collideWithPads(Part p, double mu) {
    int index = parts.indexOf(p);
    for (int i = 0; i < p.geoms.size(); i++) {
      double r = p.radii.get(i) + padRadius();
      pairs.add(new Pair(p.geoms.get(i), index, padPlus, KIND_PAD, r, mu));
      pairs.add(new Pair(p.geoms.get(i), index, padMinus, KIND_PAD, r, mu));
    }
  }

  void collideWithTable(Part p, double mu) {
    int index = parts.indexOf(p);
    for (int i = 0; i < p.geoms.size(); i++) {
      pairs.add(new Pair(p.geoms.get(i), index, table, KIND_TABLE, p.radii.get(i), mu));
    }
  }

  void collideWithStatic(Part p, DGeom obstacle, double obstacleRadius, double mu) {
    int index = parts.indexOf(p);
    for (int i = 0; i < p.geoms.size(); i++) {
      pairs.add(new Pair(p.geoms.get(i), index, obstacle, KIND_OTHER, p.radii.get(i) + obstacleRadius, mu));
    }
  }

  /** A vertical hinge with the world, limited to {@code [lo, hi]}, with Coulomb-like friction. */
  DHingeJoint hinge(Part p, double ax, double ay, double az, double lo, double hi, double frictionTorque) {
    DHingeJoint j = OdeHelper.createHingeJoint(world);
    j.attach(p.body, null);
    j.setAnchor(ax, ay, az);
    j.setAxis(0, 0, 1);
    j.setParamLoStop(lo);
    j.setParamHiStop(hi);
    j.setParamVel(0);
    j.setParamFMax(frictionTorque);
    p.hinge = j;
    return j;
  }

  /** A slider with the world along a unit axis, limited to {@code [lo, hi]}, with friction. */
  DSliderJoint slider(Part p, double ax, double ay, double az, double lo, double hi, double frictionForce) {
    DSliderJoint j = OdeHelper.createSliderJoint(world);
    j.attach(p.body, null);
    j.setAxis(ax, ay, az);
    j.setParamLoStop(lo);
    j.setParamHiStop(hi);
    j.setParamVel(0);
    j.setParamFMax(frictionForce);
    p.slider = j;
    return j;
  }

  // ---- stepping -----------------------------------------------------------------------------

  /** Advances one control step with an action already clipped to [-1, 1]. */
  void step(double[] action, Task task) {
    for (int i = 0; i < 3; i++) {
      start[i] = hand[i];
      double t = hand[i] + action[i] * ACTION_SCALE;
      target[i] = t < HAND_LOW[i] ? HAND_LOW[i] : Math.min(t, HAND_HIGH[i]);
    }
    updateGripper(action[3]);
    placePads();
    handBody.setPosition(start[0], start[1], start[2]);
    handBody.setLinearVel(
        (target[0] - start[0]) / CONTROL_DT, (target[1] - start[1]) / CONTROL_DT, (target[2] - start[2]) / CONTROL_DT);
    for (int k = 1; k <= SUBSTEPS; k++) {
      task.beforeSubstep(this);
      if (grasped >= 0) {
        servo(parts.get(grasped), (double) k / SUBSTEPS);
      }
      collide();
      world.quickStep(SUBSTEP_DT);
      contactGroup.empty();
    }
    System.arraycopy(target, 0, hand, 0, 3);
    handBody.setPosition(hand[0], hand[1], hand[2]);
    handBody.setLinearVel(0, 0, 0);
    for (int i = 0, n = parts.size(); i < n; i++) {
      canonicalizeQuaternion(parts.get(i));
    }
    if (grasped >= 0) {
      Part p = parts.get(grasped);
      DVector3C pos = p.body.getPosition();
      double dx = pos.get0() - hand[0] - graspOffset[0];
      double dy = pos.get1() - hand[1] - graspOffset[1];
      double dz = pos.get2() - hand[2] - graspOffset[2];
      if (dx * dx + dy * dy + dz * dz > SLIP_DISTANCE * SLIP_DISTANCE) {
        release();
      }
    }
  }

  /**
   * ode4j renormalises a quaternion whenever it is set, and renormalising a normalised quaternion
   * may change its last bits (it can even alternate between two values). So after every step each
   * part's quaternion is set once more from itself, and that pre-image is what the state records:
   * setting it again on restore reproduces the live quaternion and rotation matrix bit for bit.
   */
  private void canonicalizeQuaternion(Part p) {
    DQuaternionC q = p.body.getQuaternion();
    p.setQuaternion[0] = q.get0();
    p.setQuaternion[1] = q.get1();
    p.setQuaternion[2] = q.get2();
    p.setQuaternion[3] = q.get3();
    p.body.setQuaternion(new DQuaternion(p.setQuaternion[0], p.setQuaternion[1], p.setQuaternion[2], p.setQuaternion[3]));
  }

  private void updateGripper(double effort) {
    double commanded = MAX_OPENING * (1 - effort) / 2;
    if (grasped >= 0) {
      Part p = parts.get(grasped);
      if (commanded > p.gripWidth + 0.002) {
        release();
      } else {
        opening = p.gripWidth;
        return;
      }
    }
    double next = commanded < opening ? Math.max(commanded, opening - GRIP_SPEED) : Math.min(commanded, opening + GRIP_SPEED);
    if (next < opening) {
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        if (p.gripWidth > 0 && opening >= p.gripWidth && next < p.gripWidth && between(p)) {
          grasp(i);
          opening = p.gripWidth;
          return;
        }
      }
    }
    opening = next;
  }

  /** Whether the part's centre lies between the pads, inside their length and height. */
  private boolean between(Part p) {
    double rx = p.x() - hand[0];
    double ry = p.y() - hand[1];
    double rz = p.z() - hand[2];
    if (Math.abs(rx) > p.gripHalfLength || Math.abs(ry) > (opening - p.gripWidth) / 2 + 0.004) {
      return false;
    }
    double overlap = Math.min(rz + p.halfHeight, PAD_TOP) - Math.max(rz - p.halfHeight, PAD_BOTTOM);
    return overlap >= 0.008;
  }

  private void grasp(int index) {
    Part p = parts.get(index);
    grasped = index;
    DVector3C pos = p.body.getPosition();
    graspOffset[0] = pos.get0() - hand[0];
    graspOffset[1] = pos.get1() - hand[1];
    graspOffset[2] = pos.get2() - hand[2];
    DQuaternionC q = p.body.getQuaternion();
    graspQuat[0] = q.get0();
    graspQuat[1] = q.get1();
    graspQuat[2] = q.get2();
    graspQuat[3] = q.get3();
    p.body.setGravityMode(false);
  }

  private void release() {
    parts.get(grasped).body.setGravityMode(true);
    grasped = -1;
  }

  private void servo(Part p, double fraction) {
    DVector3C pos = p.body.getPosition();
    double vx = (start[0] + (target[0] - start[0]) * fraction + graspOffset[0] - pos.get0()) / SUBSTEP_DT;
    double vy = (start[1] + (target[1] - start[1]) * fraction + graspOffset[1] - pos.get1()) / SUBSTEP_DT;
    double vz = (start[2] + (target[2] - start[2]) * fraction + graspOffset[2] - pos.get2()) / SUBSTEP_DT;
    double speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
    if (speed > MAX_SERVO_SPEED) {
      double s = MAX_SERVO_SPEED / speed;
      vx *= s;
      vy *= s;
      vz *= s;
    }
    p.body.setLinearVel(vx, vy, vz);
    // Rotation error q_err = q_target * conj(q); angular velocity ~ 2 * vector part / dt.
    DQuaternionC q = p.body.getQuaternion();
    double w0 = graspQuat[0];
    double x0 = graspQuat[1];
    double y0 = graspQuat[2];
    double z0 = graspQuat[3];
    double w1 = q.get0();
    double x1 = -q.get1();
    double y1 = -q.get2();
    double z1 = -q.get3();
    double ew = w0 * w1 - x0 * x1 - y0 * y1 - z0 * z1;
    double ex = w0 * x1 + x0 * w1 + y0 * z1 - z0 * y1;
    double ey = w0 * y1 - x0 * z1 + y0 * w1 + z0 * x1;
    double ez = w0 * z1 + x0 * y1 - y0 * x1 + z0 * w1;
    double sign = ew < 0 ? -1 : 1;
    double wx = sign * 2 * ex / SUBSTEP_DT;
    double wy = sign * 2 * ey / SUBSTEP_DT;
    double wz = sign * 2 * ez / SUBSTEP_DT;
    double spin = Math.sqrt(wx * wx + wy * wy + wz * wz);
    if (spin > MAX_SERVO_SPIN) {
      double s = MAX_SERVO_SPIN / spin;
      wx *= s;
      wy *= s;
      wz *= s;
    }
    p.body.setAngularVel(wx, wy, wz);
  }

  private void collide() {
    for (int i = 0, n = pairs.size(); i < n; i++) {
      Pair pair = pairs.get(i);
      if (pair.kind == KIND_PAD && pair.partA == grasped) {
        continue;
      }
      DVector3C pa = pair.a.getPosition();
      if (pair.kind == KIND_TABLE) {
        if (pa.get2() - pair.reach > BROAD_PHASE_MARGIN) {
          continue;
        }
      } else {
        DVector3C pb = pair.b.getPosition();
        double dx = pa.get0() - pb.get0();
        double dy = pa.get1() - pb.get1();
        double dz = pa.get2() - pb.get2();
        double r = pair.reach + BROAD_PHASE_MARGIN;
        if (dx * dx + dy * dy + dz * dz > r * r) {
          continue;
        }
      }
      int count = OdeHelper.collide(pair.a, pair.b, MAX_CONTACTS, contacts.getGeomBuffer());
      for (int c = 0; c < count; c++) {
        DContact contact = contacts.get(c);
        contact.surface.mode = OdeConstants.dContactApprox1 | OdeConstants.dContactSoftERP | OdeConstants.dContactSoftCFM;
        contact.surface.mu = pair.mu;
        contact.surface.soft_erp = 0.4;
        contact.surface.soft_cfm = 1e-5;
        DJoint j = OdeHelper.createContactJoint(world, contactGroup, contact);
        j.attach(pair.a.getBody(), pair.b.getBody());
      }
    }
  }

  private void placePads() {
    double y = opening / 2 + PAD_HALF_Y;
    padPlus.setOffsetPosition(0, y, PAD_CENTER_Z);
    padMinus.setOffsetPosition(0, -y, PAD_CENTER_Z);
  }

  private static double padRadius() {
    return Math.sqrt(PAD_HALF_X * PAD_HALF_X + PAD_HALF_Y * PAD_HALF_Y + PAD_HALF_Z * PAD_HALF_Z);
  }

  // ---- state --------------------------------------------------------------------------------

  int stateSize() {
    return STATE_SIZE_FIXED + STATE_SIZE_PER_PART * parts.size();
  }

  void writeState(double[] out, int off) {
    out[off] = hand[0];
    out[off + 1] = hand[1];
    out[off + 2] = hand[2];
    out[off + 3] = opening;
    out[off + 4] = grasped;
    System.arraycopy(graspOffset, 0, out, off + 5, 3);
    System.arraycopy(graspQuat, 0, out, off + 8, 4);
    int o = off + STATE_SIZE_FIXED;
    for (Part p : parts) {
      DVector3C pos = p.body.getPosition();
      DVector3C v = p.body.getLinearVel();
      DVector3C w = p.body.getAngularVel();
      out[o++] = pos.get0();
      out[o++] = pos.get1();
      out[o++] = pos.get2();
      out[o++] = p.setQuaternion[0];
      out[o++] = p.setQuaternion[1];
      out[o++] = p.setQuaternion[2];
      out[o++] = p.setQuaternion[3];
      out[o++] = v.get0();
      out[o++] = v.get1();
      out[o++] = v.get2();
      out[o++] = w.get0();
      out[o++] = w.get1();
      out[o++] = w.get2();
    }
  }

  /** Restores what {@link #writeState} wrote; the caller has checked the length. */
  void readState(double[] in, int off) {
    System.arraycopy(in, off, hand, 0, 3);
    opening = in[off + 3];
    int g = (int) in[off + 4];
    System.arraycopy(in, off + 5, graspOffset, 0, 3);
    System.arraycopy(in, off + 8, graspQuat, 0, 4);
    handBody.setPosition(hand[0], hand[1], hand[2]);
    placePads();
    int o = off + STATE_SIZE_FIXED;
    for (Part p : parts) {
      p.body.setPosition(in[o], in[o + 1], in[o + 2]);
      System.arraycopy(in, o + 3, p.setQuaternion, 0, 4);
      p.body.setQuaternion(new DQuaternion(in[o + 3], in[o + 4], in[o + 5], in[o + 6]));
      p.body.setLinearVel(in[o + 7], in[o + 8], in[o + 9]);
      p.body.setAngularVel(in[o + 10], in[o + 11], in[o + 12]);
      p.body.setGravityMode(true);
      o += STATE_SIZE_PER_PART;
    }
    grasped = g >= 0 && g < parts.size() ? g : -1;
    if (grasped >= 0) {
      parts.get(grasped).body.setGravityMode(false);
    }
  }

  void destroy() {
    for (DGeom g : geoms) {
      g.destroy();
    }
    geoms.clear();
    contactGroup.destroy();
    world.destroy();
  }
}
