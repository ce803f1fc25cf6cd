package ai.kinitro.backend.persistence;

import ai.kinitro.backend.apikey.ApiKeyRole;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * Spring Data JDBC set-up: repositories under {@code ai.kinitro.backend}, {@link Jsonb} as a
 * {@code jsonb} value, and the lower-case enumerations of the schema (API key roles, candidate
 * statuses).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "ai.kinitro.backend")
public class JdbcConfiguration extends AbstractJdbcConfiguration {
  @Override
  protected List<?> userConverters() {
    return List.of(
        new JsonbWriter(), new JsonbReader(), new JsonbFromStringReader(),
        new RoleWriter(), new RoleReader(), new CandidateStatusWriter(), new CandidateStatusReader());
  }

  @WritingConverter
  static final class JsonbWriter implements Converter<Jsonb, PGobject> {
    @Override
    public PGobject convert(Jsonb source) {
      PGobject object = new PGobject();
      object.setType("jsonb");
      try {
        object.setValue(source.json());
      } catch (SQLException e) {
        throw new IllegalStateException("Could not wrap JSON for PostgreSQL", e);
      }
      return object;
    }
  }

  @ReadingConverter
  static final class JsonbReader implements Converter<PGobject, Jsonb> {
    @Override
    public Jsonb convert(PGobject source) {
      return source.getValue() == null ? null : new Jsonb(source.getValue());
    }
  }

  @ReadingConverter
  static final class JsonbFromStringReader implements Converter<String, Jsonb> {
    @Override
    public Jsonb convert(String source) {
      return new Jsonb(source);
    }
  }

  @WritingConverter
  static final class RoleWriter implements Converter<ApiKeyRole, String> {
    @Override
    public String convert(ApiKeyRole source) {
      return source.wireName();
    }
  }

  @ReadingConverter
  static final class RoleReader implements Converter<String, ApiKeyRole> {
    @Override
    public ApiKeyRole convert(String source) {
      return ApiKeyRole.parse(source);
    }
  }

  @WritingConverter
  static final class CandidateStatusWriter implements Converter<CandidateStatus, String> {
    @Override
    public String convert(CandidateStatus source) {
      return source.name().toLowerCase(Locale.ROOT);
    }
  }

  @ReadingConverter
  static final class CandidateStatusReader implements Converter<String, CandidateStatus> {
    @Override
    public CandidateStatus convert(String source) {
      return CandidateStatus.valueOf(source.toUpperCase(Locale.ROOT));
    }
  }
}
