package ai.kinitro.env.manipulation;

/**
 * Where things are in the 39-value {@code state} observation, as in MetaWorld: the current frame
 * (hand, gripper, two objects), the previous frame with the same 18-value layout, then the goal.
 * Quaternions are scalar-last {@code (x, y, z, w)}; object 2 is all zeros in every MT10 task.
 */
public final class ObservationLayout {
  private ObservationLayout() {}

  /** Hand (tool centre point between the finger pads) x, y, z in metres. */
  public static final int HAND = 0;
  /** Gripper opening: distance between the pads / 0.1 m, in [0, 1]. */
  public static final int GRIPPER = 3;
  public static final int OBJECT1_POSITION = 4;
  public static final int OBJECT1_QUATERNION = 7;
  public static final int OBJECT2_POSITION = 11;
  public static final int OBJECT2_QUATERNION = 14;
  /** Length of one frame (hand, gripper, two objects). */
  public static final int FRAME = 18;
  /** Start of the previous frame. */
  public static final int PREVIOUS_FRAME = 18;
  public static final int GOAL = 36;
  public static final int SIZE = 39;
}
