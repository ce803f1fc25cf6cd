package ai.kinitro.env;

/**
 * An RGB image, row-major from the top-left pixel, three bytes per pixel. Agents receive it as a
 * {@code uint8 [height, width, 3]} tensor ({@link #toTensor()}).
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException("expected " + width * height * 3 + " bytes, got " + rgb.length);
    }
  }

  public Tensor.UInt8 toTensor() {
    return new Tensor.UInt8(new int[] {height, width, 3}, rgb);
  }
}
