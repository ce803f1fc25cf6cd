package ai.kinitro.env.render;

import ai.kinitro.env.RgbImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an {@link RgbImage} as a PNG (8-bit RGB, no interlacing), choosing per row the filter
 * with the smallest sum of absolute differences. Plain Java, no AWT.
 */
public final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private PngEncoder() {}

  public static byte[] encode(RgbImage image) {
    int w = image.width();
    int h = image.height();
    int stride = w * 3;
    byte[] rgb = image.rgb();
    byte[] raw = new byte[h * (stride + 1)];
    byte[][] candidates = new byte[5][stride];
    for (int y = 0; y < h; y++) {
      int row = y * stride;
      int prev = row - stride;
      int best = 0;
      long bestScore = Long.MAX_VALUE;
      for (int f = 0; f < 5; f++) {
        long score = 0;
        for (int i = 0; i < stride; i++) {
          int x = rgb[row + i] & 0xFF;
          int a = i >= 3 ? rgb[row + i - 3] & 0xFF : 0;
          int b = y > 0 ? rgb[prev + i] & 0xFF : 0;
          int c = y > 0 && i >= 3 ? rgb[prev + i - 3] & 0xFF : 0;
          int v = switch (f) {
            case 0 -> x;
            case 1 -> x - a;
            case 2 -> x - b;
            case 3 -> x - ((a + b) >> 1);
            default -> x - paeth(a, b, c);
          };
          candidates[f][i] = (byte) v;
          score += Math.abs((byte) v);
        }
        if (score < bestScore) {
          bestScore = score;
          best = f;
        }
      }
      raw[y * (stride + 1)] = (byte) best;
      System.arraycopy(candidates[best], 0, raw, y * (stride + 1) + 1, stride);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    ByteBuffer header = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", header.array());
    chunk(out, "IDAT", deflate(raw));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
