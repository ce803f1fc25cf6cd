package ai.kinitro.backend.web;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;

/**
 * Validated pagination of a list endpoint: {@code limit} 1..{@value #MAX_LIMIT} (default
 * {@value #DEFAULT_LIMIT}), {@code offset} ≥ 0.
 */
public record Paging(int limit, long offset) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public Paging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new KinitroException(ErrorCode.INVALID_PAGINATION, "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw new KinitroException(ErrorCode.INVALID_PAGINATION, "offset must not be negative, was " + offset);
    }
  }

  public static Paging of(Integer limit, Long offset) {
    return new Paging(limit == null ? DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
  }
}
