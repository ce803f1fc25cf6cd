package ai.kinitro.common.error;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void everyNumberIsUsedOnce() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::number)).doesNotHaveDuplicates();
  }

  @Test
  void everyCodeLiesInTheThousandBlockOfItsCategory() {
    for (ErrorCode code : ErrorCode.values()) {
      int block = code.number() / 1000;
      ErrorCategory expected = switch (block) {
        case 1 -> ErrorCategory.USER;
        case 2 -> ErrorCategory.INTERNAL;
        case 3 -> ErrorCategory.EXTERNAL;
        case 4 -> ErrorCategory.RESOURCES;
        default -> null;
      };
      assertThat(code.category()).as(code.name()).isEqualTo(expected);
    }
  }

  /**
   * Released codes never change: {@code error-codes.txt} pins every name, number and category.
   * Adding a code means appending a line there too; changing or removing a line breaks clients.
   */
  @Test
  void theTableMatchesThePinnedReleasedCodes() throws IOException {
    List<String> pinned;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("error-codes.txt"))) {
      pinned = new String(in.readAllBytes(), UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
    List<String> actual = Arrays.stream(ErrorCode.values())
        .map(c -> c.number() + " " + c.name() + " " + c.category()).toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(pinned);
  }

  @Test
  void numbersMapBackToTheirCodesAndUnknownNumbersToNothing() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.fromNumber(code.number())).contains(code);
    }
    assertThat(ErrorCode.fromNumber(999_999)).isEmpty();
  }

  @Test
  void theExceptionCarriesItsCodeAndNamesItInToString() {
    KinitroException e = new KinitroException(ErrorCode.NOT_FOUND, "No competition c1");
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e).hasToString("KinitroException[NOT_FOUND(1001)]: No competition c1");
  }
}
