package ai.kinitro.env.manipulation;

import java.util.ArrayList;
import java.util.List;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DSliderJoint;

/**
 * A dynamic rigid body of a task (puck, peg, door, drawer, window pane, button cap) with its
 * collision geometry, and, when the gripper can pick it up, the width it closes to around it.
 */
final class Part {
  final String name;
  final DBody body;
  final List<DGeom> geoms = new ArrayList<>();
  final List<Double> radii = new ArrayList<>();
  /** Width across the finger pads when grasped; 0 when the part cannot be grasped. */
  double gripWidth;
  /** How far (along x) from the part's centre the pads may close and still hold it. */
  double gripHalfLength;
  /** Half of the part's vertical extent, for the grasp zone check. */
  double halfHeight;
  /** The quaternion (w, x, y, z) last passed to ode4j, which recorded states store (see Scene). */
  final double[] setQuaternion = {1, 0, 0, 0};
  DHingeJoint hinge;
  DSliderJoint slider;

  Part(String name, DBody body) {
    this.name = name;
    this.body = body;
  }

  double x() {
    return body.getPosition().get0();
  }

  double y() {
    return body.getPosition().get1();
  }

  double z() {
    return body.getPosition().get2();
  }

  /** World position of the point {@code (ox, oy, oz)} of the body frame. */
  void point(double ox, double oy, double oz, double[] out, int off) {
    DVector3C p = body.getPosition();
    DQuaternionC q = body.getQuaternion();
    double[] r = Quat.rotate(q.get0(), q.get1(), q.get2(), q.get3(), ox, oy, oz);
    out[off] = p.get0() + r[0];
    out[off + 1] = p.get1() + r[1];
    out[off + 2] = p.get2() + r[2];
  }

  /** Orientation as MetaWorld reports it: scalar-last {@code (x, y, z, w)}. */
  void quaternionXyzw(double[] out, int off) {
    DQuaternionC q = body.getQuaternion();
    out[off] = q.get1();
    out[off + 1] = q.get2();
    out[off + 2] = q.get3();
    out[off + 3] = q.get0();
  }
}
