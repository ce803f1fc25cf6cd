package ai.kinitro.backend.persistence;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text of a {@code jsonb} column. Entities hold this instead of a Jackson tree so Spring Data
 * treats the column as one value (a {@code JsonNode} is {@code Iterable} and would be mapped as a
 * collection). Services turn it into typed records with {@link #read}.
 */
public record Jsonb(String json) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  public static final Jsonb EMPTY_OBJECT = new Jsonb("{}");
  public static final Jsonb EMPTY_ARRAY = new Jsonb("[]");

  public Jsonb {
    Objects.requireNonNull(json, "json");
  }

  /** Serialises any value (records, lists, trees) with the backend's plain JSON mapper. */
  public static Jsonb of(Object value) {
    return new Jsonb(MAPPER.writeValueAsString(value));
  }

  public JsonNode tree() {
    return MAPPER.readTree(json);
  }

  public <T> T read(Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  public <T> T read(tools.jackson.core.type.TypeReference<T> type) {
    return MAPPER.readValue(json, type);
  }

  @Override
  public String toString() {
    return json;
  }
}
