package ai.kinitro.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class HttpStatusMappingTest {
  @Test
  void everyUserErrorIsAClientErrorAndNeverA500() {
    Arrays.stream(ErrorCode.values()).filter(c -> c.category() == ErrorCategory.USER)
        .forEach(c -> assertThat(HttpStatusMapping.statusOf(c).is4xxClientError()).as(c.name()).isTrue());
  }

  @Test
  void categoriesMapToTheirFamilies() {
    Arrays.stream(ErrorCode.values()).forEach(c -> {
      HttpStatus status = HttpStatusMapping.statusOf(c);
      switch (c.category()) {
        case USER -> assertThat(status.is4xxClientError()).as(c.name()).isTrue();
        case RESOURCES -> assertThat(status.value()).as(c.name()).isIn(429, 503);
        case EXTERNAL -> assertThat(status.value()).as(c.name()).isIn(502, 503);
        case INTERNAL -> assertThat(status.value()).as(c.name()).isEqualTo(500);
      }
    });
  }

  @Test
  void theSpecificStatusesOfTheApi() {
    assertThat(Map.of(
        ErrorCode.NOT_FOUND, HttpStatusMapping.statusOf(ErrorCode.NOT_FOUND).value(),
        ErrorCode.DUPLICATE_COMPETITION_NAME, HttpStatusMapping.statusOf(ErrorCode.DUPLICATE_COMPETITION_NAME).value(),
        ErrorCode.UNAUTHENTICATED, HttpStatusMapping.statusOf(ErrorCode.UNAUTHENTICATED).value(),
        ErrorCode.PERMISSION_DENIED, HttpStatusMapping.statusOf(ErrorCode.PERMISSION_DENIED).value(),
        ErrorCode.UNKNOWN_ENVIRONMENT, HttpStatusMapping.statusOf(ErrorCode.UNKNOWN_ENVIRONMENT).value(),
        ErrorCode.VALUE_TOO_LONG, HttpStatusMapping.statusOf(ErrorCode.VALUE_TOO_LONG).value(),
        ErrorCode.RATE_LIMITED, HttpStatusMapping.statusOf(ErrorCode.RATE_LIMITED).value(),
        ErrorCode.DATABASE_UNAVAILABLE, HttpStatusMapping.statusOf(ErrorCode.DATABASE_UNAVAILABLE).value()))
        .isEqualTo(Map.of(ErrorCode.NOT_FOUND, 404, ErrorCode.DUPLICATE_COMPETITION_NAME, 409, ErrorCode.UNAUTHENTICATED, 401,
            ErrorCode.PERMISSION_DENIED, 403, ErrorCode.UNKNOWN_ENVIRONMENT, 422, ErrorCode.VALUE_TOO_LONG, 400,
            ErrorCode.RATE_LIMITED, 429, ErrorCode.DATABASE_UNAVAILABLE, 503));
  }
}
