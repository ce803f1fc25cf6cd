package ai.kinitro.backend.web;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;

/** Builds optional-equality filters for list endpoints and runs a paged, counted query. */
public final class Filters {
  private Criteria criteria = Criteria.empty();

  public static Filters where() {
    return new Filters();
  }

  /** Adds {@code property = value} when value is not null. */
  public Filters eq(String property, Object value) {
    if (value != null) {
      criteria = criteria.and(Criteria.where(property).is(value));
    }
    return this;
  }

  public Criteria criteria() {
    return criteria;
  }

  /** The page of entities matching the filters, sorted, with the total count. */
  public <T> Page<T> page(JdbcAggregateOperations template, Class<T> type, Sort sort, Paging paging) {
    Query query = Query.query(criteria).sort(sort).limit(paging.limit()).offset(paging.offset());
    return Page.of(template.findAll(query, type), template.count(Query.query(criteria), type), paging);
  }

  /** Parses an optional enum query parameter, naming the allowed values on error. */
  public static <E extends Enum<E>> E parseEnum(String value, Class<E> type, String parameter, Function<String, E> parser) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parser.apply(value.trim());
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Parameter '" + parameter + "' must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
    }
  }
}
