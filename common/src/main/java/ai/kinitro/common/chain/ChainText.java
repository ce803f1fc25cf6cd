package ai.kinitro.common.chain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text helpers shared by the chain value types. */
final class ChainText {
  private ChainText() {}

  /** UTF-8 with invalid sequences dropped (Python's {@code errors="ignore"}). */
  static String utf8Lenient(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.IGNORE)
          .onUnmappableCharacter(CodingErrorAction.IGNORE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("an IGNORE decoder cannot fail", e);
    }
  }
}
