package ai.kinitro.env.manipulation.render;

/**
 * A pinhole camera looking from {@code eye} at {@code target}, with {@code up} giving the image's
 * upward direction and {@code fovyDegrees} the vertical field of view.
 */
public record Camera(double[] eye, double[] target, double[] up, double fovyDegrees) {
  public Camera {
    eye = eye.clone();
    target = target.clone();
    up = up.clone();
    if (eye.length != 3 || target.length != 3 || up.length != 3) {
      throw new IllegalArgumentException("eye, target and up need three coordinates");
    }
    if (!(fovyDegrees > 0 && fovyDegrees < 180)) {
      throw new IllegalArgumentException("field of view must be in (0, 180) degrees");
    }
  }

  /** A camera with +z as the up direction. */
  public static Camera lookAt(double[] eye, double[] target, double fovyDegrees) {
    return new Camera(eye, target, new double[] {0, 0, 1}, fovyDegrees);
  }

  @Override
  public double[] eye() {
    return eye.clone();
  }

  @Override
  public double[] target() {
    return target.clone();
  }

  @Override
  public double[] up() {
    return up.clone();
  }
}
