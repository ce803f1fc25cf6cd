package ai.kinitro.env.manipulation.experts;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.List;

/**
 * The scripted expert of each manipulation task. Observation indices follow {@link
 * ai.kinitro.env.manipulation.ObservationLayout}: hand {@code [0:3]}, gripper {@code [3]},
 * object {@code [4:7]} and quaternion {@code [7:11]}, goal {@code [36:39]}.
 */
public final class ScriptedExperts {
  private ScriptedExperts() {}

  private static final List<String> TASKS = List.of("reach", "push", "pick-place", "door-open", "drawer-open",
      "drawer-close", "button-press-topdown", "peg-insert-side", "window-open", "window-close");

  /** Task names that have an expert (all ten). */
  public static List<String> tasks() {
    return TASKS;
  }

  /** The expert for a task name such as {@code pick-place} (an environment id's name). */
  public static ManipulationPolicy forTask(String task) {
    return switch (task == null ? "" : task) {
      case "reach" -> ScriptedExperts::reach;
      case "push" -> obs -> carryPuck(obs, false);
      case "pick-place" -> obs -> carryPuck(obs, true);
      case "door-open" -> ScriptedExperts::doorOpen;
      case "drawer-open" -> ScriptedExperts::drawerOpen;
      case "drawer-close" -> ScriptedExperts::drawerClose;
      case "button-press-topdown" -> ScriptedExperts::buttonPress;
      case "peg-insert-side" -> ScriptedExperts::pegInsert;
      case "window-open" -> obs -> window(obs, true);
      case "window-close" -> obs -> window(obs, false);
      default -> throw new KinitroException(ErrorCode.NOT_FOUND,
          "No scripted expert for task '" + task + "'. Known tasks: " + String.join(", ", TASKS));
    };
  }

  private static float[] reach(double[] obs) {
    return Moves.toward(obs, obs[36], obs[37], obs[38], 0);
  }

  /**
   * Puck tasks: hover over the puck with the gripper open, descend, close, then carry it. The
   * puck is held when the gripper is nearly closed on it and it sits just under the hand.
   */
  private static float[] carryPuck(double[] obs, boolean lift) {
    double px = obs[4];
    double py = obs[5];
    double pz = obs[6];
    boolean held = obs[3] < 0.5 && Moves.planar(obs, px, py) < 0.02 && Math.abs(obs[2] - pz - 0.03) < 0.015;
    if (held) {
      double gz = lift ? obs[38] : pz;
      // Move the puck (not the hand) onto the goal.
      return Moves.toward(obs, obs[0] + obs[36] - px, obs[1] + obs[37] - py, obs[2] + gz - pz, 1);
    }
    if (Moves.planar(obs, px, py) > 0.012) {
      return Moves.toward(obs, px, py, Math.max(pz + 0.1, Math.min(obs[2], pz + 0.15)), -1);
    }
    if (obs[2] > pz + 0.035) {
      return Moves.toward(obs, px, py, pz + 0.03, -1);
    }
    return Moves.toward(obs, px, py, pz + 0.03, 1);
  }

  /**
   * Door: hook the closed fingers behind the handle bar (between bar and panel), coming from
   * above, then pull along the handle's arc.
   */
  private static float[] doorOpen(double[] obs) {
    double theta = Moves.yaw(obs, 7);
    double nx = -Math.sin(theta);
    double ny = Math.cos(theta);
    double hx = obs[4];
    double hy = obs[5];
    double hz = obs[6];
    double hookX = hx + 0.04 * nx;
    double hookY = hy + 0.04 * ny;
    boolean low = obs[2] < hz + 0.03;
    double fromHook = Moves.planar(obs, hookX, hookY);
    if (low && fromHook < 0.05) {
      // Opening tangent (the handle's motion as the angle decreases), mostly -n.
      double a = 0.27;
      double b = -0.08;
      double tx = a * Math.sin(theta) + b * Math.cos(theta);
      double ty = -a * Math.cos(theta) + b * Math.sin(theta);
      double tl = Math.hypot(tx, ty);
      return Moves.toward(obs, hx + 0.022 * nx + 0.06 * tx / tl, hy + 0.022 * ny + 0.06 * ty / tl, hz, 1);
    }
    if (fromHook > 0.012) {
      double z = obs[2] < 0.3 && fromHook > 0.05 ? 0.36 : Math.max(obs[2], hz + 0.2);
      if (obs[2] < 0.3 && fromHook > 0.05) {
        return Moves.toward(obs, obs[0] + 0.3 * (hookX - obs[0]), obs[1] + 0.3 * (hookY - obs[1]), z, 1);
      }
      return Moves.toward(obs, hookX, hookY, z, 1);
    }
    return Moves.toward(obs, hookX, hookY, hz, 1);
  }

  /** Drawer open: come down behind the handle bar with the fingers closed, then pull. */
  private static float[] drawerOpen(double[] obs) {
    double hx = obs[4];
    double hy = obs[5];
    double hz = obs[6];
    double hookY = hy + 0.03;
    boolean engaged = obs[2] < hz + 0.02 && Math.abs(obs[0] - hx) < 0.03 && obs[1] > hy && obs[1] < hy + 0.05;
    if (engaged) {
      return Moves.toward(obs, hx, obs[37] + 0.012, hz, 1);
    }
    if (Moves.planar(obs, hx, hookY) > 0.008) {
      return Moves.toward(obs, hx, hookY, hz + 0.14, 1);
    }
    return Moves.toward(obs, hx, hookY, hz, 1);
  }

  /** Drawer close: get in front of the handle at its height, then push it in. */
  private static float[] drawerClose(double[] obs) {
    double hx = obs[4];
    double hy = obs[5];
    double hz = obs[6];
    double frontY = hy - 0.04;
    if (obs[2] < hz + 0.02 && obs[1] < hy) {
      return Moves.toward(obs, hx, obs[37] - 0.005, hz, 1);
    }
    if (Moves.planar(obs, hx, frontY) > 0.01) {
      return Moves.toward(obs, hx, frontY, hz + 0.12, 1);
    }
    return Moves.toward(obs, hx, frontY, hz, 1);
  }

  /** Button: fingers closed, line up above the cap, then press down past the goal height. */
  private static float[] buttonPress(double[] obs) {
    double bx = obs[4];
    double by = obs[5];
    double bz = obs[6];
    if (Moves.planar(obs, bx, by) > 0.008) {
      return Moves.toward(obs, bx, by, Math.max(obs[2], bz + 0.09), 1);
    }
    return Moves.toward(obs, bx, by, obs[38] + 0.04 - 0.015, 1);
  }

  /**
   * Peg: grasp the peg at its centre, lift it and line its head (the -x end) up with the hole
   * outside the block, then push it in.
   */
  private static float[] pegInsert(double[] obs) {
    double cx = obs[4];
    double cy = obs[5];
    double cz = obs[6];
    double[] r = Moves.rotate(obs, 7, -0.1, 0, 0);
    double headX = cx + r[0];
    double headY = cy + r[1];
    double headZ = cz + r[2];
    double gx = obs[36];
    double gy = obs[37];
    double gz = obs[38];
    double mouthX = gx + 0.04;
    boolean held = obs[3] < 0.45 && Moves.planar(obs, cx, cy) < 0.03 && obs[2] - cz > 0.015 && obs[2] - cz < 0.05;
    if (held) {
      double tx;
      if (Math.abs(headY - gy) > 0.004 || Math.abs(headZ - gz) > 0.004) {
        tx = Math.max(headX, mouthX + 0.03);
      } else {
        tx = gx - 0.015;
      }
      return Moves.toward(obs, obs[0] + tx - headX, obs[1] + gy - headY, obs[2] + gz - headZ, 1);
    }
    if (Moves.planar(obs, cx, cy) > 0.01) {
      return Moves.toward(obs, cx, cy, Math.max(cz + 0.1, Math.min(obs[2], cz + 0.15)), -1);
    }
    if (obs[2] > cz + 0.04) {
      return Moves.toward(obs, cx, cy, cz + 0.035, -1);
    }
    return Moves.toward(obs, cx, cy, cz + 0.035, 1);
  }

  /** Window: come down beside the handle (left to open, right to close) and push it along x. */
  private static float[] window(double[] obs, boolean open) {
    double hx = obs[4];
    double hy = obs[5];
    double hz = obs[6];
    double side = open ? -1 : 1;
    double sideX = hx + side * 0.04;
    boolean engaged = Math.abs(obs[1] - hy) < 0.02 && Math.abs(obs[2] - hz) < 0.02
        && side * (obs[0] - hx) > 0 && side * (obs[0] - hx) < 0.06;
    if (engaged) {
      return Moves.toward(obs, obs[36] + side * 0.02 - side * 0.03, hy, hz, 1);
    }
    if (Moves.planar(obs, sideX, hy) > 0.01) {
      return Moves.toward(obs, sideX, hy, hz + 0.15, 1);
    }
    return Moves.toward(obs, sideX, hy, hz, 1);
  }
}
