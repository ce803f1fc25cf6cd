package ai.kinitro.backend.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint: the items, the total number of matches, and the paging used. */
public record Page<T>(List<T> items, long total, int limit, long offset) {
  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> of(List<T> items, long total, Paging paging) {
    return new Page<>(items, total, paging.limit(), paging.offset());
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset);
  }
}
