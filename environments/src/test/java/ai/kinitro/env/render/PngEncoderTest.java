package ai.kinitro.env.render;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

  @Test
  void imageIoDecodesEveryPixelWeEncoded() throws IOException {
    Canvas2D canvas = new Canvas2D(37, 23);
    canvas.setScene(37, 23);
    canvas.clear(0x102030);
    canvas.fillCircle(10, 10, 6, 0xFF8000);
    canvas.line(0, 0, 37, 23, 2, 0x00FF7F);
    RgbImage image = canvas.toImage();

    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

    assertThat(decoded.getWidth()).isEqualTo(37);
    assertThat(decoded.getHeight()).isEqualTo(23);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        int i = (y * 37 + x) * 3;
        int expected = (image.rgb()[i] & 0xFF) << 16 | (image.rgb()[i + 1] & 0xFF) << 8 | (image.rgb()[i + 2] & 0xFF);
        assertThat(decoded.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(expected);
      }
    }
  }
}
