package ai.kinitro.backend.apikey;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, (de)activates, deletes and authenticates API keys. Secrets are {@value
 * #SECRET_PREFIX} + 43 URL-safe Base64 characters (256 random bits); only their SHA-256 is stored.
 */
@Service
public class ApiKeyService {
  public static final String SECRET_PREFIX = "kin_";
  private static final int PREFIX_LENGTH = 10;

  private final ApiKeyRepository keys;
  private final JdbcAggregateOperations template;
  private final IdGenerator ids;
  private final Clock clock;
  private final ApiProperties properties;
  private final SecureRandom random = new SecureRandom();

  public ApiKeyService(ApiKeyRepository keys, JdbcAggregateOperations template, IdGenerator ids, Clock clock, ApiProperties properties) {
    this.keys = keys;
    this.template = template;
    this.ids = ids;
    this.clock = clock;
    this.properties = properties;
  }

  /** Creates a key; the returned secret is the only copy. */
  @Transactional
  public CreatedApiKey create(NewApiKey request) {
    Instant now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'expires_at' must be in the future");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiKey key = new ApiKey(ids.next(), request.name(), request.description(), hash(secret), secret.substring(0, PREFIX_LENGTH),
        request.role(), request.associatedHotkey(), true, request.expiresAt(), null, now, now);
    return new CreatedApiKey(keys.insert(key), secret);
  }

  public Page<ApiKey> list(Paging paging) {
    Query query = Query.empty().sort(Sort.by("createdAt", "id")).limit(paging.limit()).offset(paging.offset());
    List<ApiKey> items = template.findAll(query, ApiKey.class);
    return Page.of(items, template.count(ApiKey.class), paging);
  }

  public ApiKey get(long id) {
    return keys.findById(id).orElseThrow(() -> notFound(id));
  }

  @Transactional
  public ApiKey setActive(long id, boolean active) {
    return keys.save(get(id).withActive(active, clock.instant()));
  }

  @Transactional
  public void delete(long id) {
    ApiKey key = get(id);
    keys.delete(key);
  }

  /** Whether at least one active admin key exists (the CLI offers to create the first one). */
  public boolean hasAdminKey() {
    return keys.countActiveWithRole(ApiKeyRole.ADMIN.wireName()) > 0;
  }

  /**
   * The usable key for a presented secret, or empty if unknown, inactive or expired. Records the
   * use at most once per {@code kinitro.api.last-used-resolution}.
   */
  public Optional<Principal> authenticate(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiKey> key = keys.findByKeyHash(hash(secret.trim())).filter(k -> k.usableAt(now));
    key.ifPresent(k -> {
      Instant threshold = now.minus(properties.lastUsedResolution());
      if (k.lastUsedAt() == null || k.lastUsedAt().isBefore(threshold)) {
        keys.touch(k.id(), now, threshold);
      }
    });
    return key.map(Principal::of);
  }

  static String hash(String secret) {
    return HexFormat.of().formatHex(Hashing.sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  private static KinitroException notFound(long id) {
    return new KinitroException(ErrorCode.NOT_FOUND, "No API key with id " + id);
  }
}
