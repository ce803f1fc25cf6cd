package ai.kinitro.evaluator.episodes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * How spectators reach an object the evaluator stored (a frame or a log bundle): the URL put into
 * {@code ObservationRef.url} and {@code LogArtifact.public_url}. One of three, chosen by {@code
 * kinitro.evaluator.episodes.frames.*}:
 *
 * <ul>
 *   <li>{@link None}: no URL (the backend signs objects in its own vault bucket; nothing else is
 *       reachable);
 *   <li>{@link PublicBase}: {@code public-url-base} + {@code /} + the key, each path segment
 *       percent-encoded (a public-read bucket or a CDN in front of it);
 *   <li>{@link Presigned}: a GET presigned with the evaluator's S3 credentials for {@code
 *       presign-ttl} (a private bucket). Presigning is a local computation, no request.
 * </ul>
 */
public sealed interface ObjectUrls extends AutoCloseable permits ObjectUrls.None, ObjectUrls.PublicBase, ObjectUrls.Presigned {
  /** Longest lifetime of a SigV4 presigned URL. */
  Duration MAX_PRESIGN_TTL = Duration.ofDays(7);

  /** The URL of the object under {@code key} in the store's bucket, or empty when there is none. */
  Optional<URI> of(String key);

  /** A word for logs and health: {@code none}, {@code public-url-base} or {@code presigned}. */
  String mode();

  @Override
  default void close() {}

  /** No URLs. */
  static ObjectUrls none() {
    return None.INSTANCE;
  }

  /** Objects have no URL. */
  final class None implements ObjectUrls {
    static final None INSTANCE = new None();

    private None() {}

    @Override
    public Optional<URI> of(String key) {
      return Optional.empty();
    }

    @Override
    public String mode() {
      return "none";
    }
  }

  /**
   * {@code base + "/" + key}, every segment of the key percent-encoded as RFC 3986 (and S3's
   * SigV4) do: all but {@code A-Z a-z 0-9 - . _ ~} become {@code %XX} of their UTF-8 bytes; the
   * slashes between segments stay.
   *
   * @param base an absolute http(s) URL without query, fragment or user info; trailing slashes
   *     are dropped
   */
  record PublicBase(URI base) implements ObjectUrls {
    public PublicBase {
      base = URI.create(checkedBase(base.toString(), EpisodeProperties.Frames.PUBLIC_URL_BASE_KEY));
    }

    @Override
    public Optional<URI> of(String key) {
      return Optional.of(URI.create(base + "/" + encodePath(key)));
    }

    @Override
    public String mode() {
      return "public-url-base";
    }

    /**
     * {@code base} without trailing slashes, if it is an absolute http(s) URL with a host and
     * without query, fragment or user info; else an IllegalArgumentException naming {@code key}
     * (without the value, which might hold a secret).
     */
    static String checkedBase(String base, String key) {
      String trimmed = base.strip().replaceAll("/+$", "");
      String problem = null;
      try {
        URI uri = new URI(trimmed);
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
          problem = "must start with http:// or https://";
        } else if (uri.getHost() == null) {
          problem = "has no host";
        } else if (uri.getRawUserInfo() != null) {
          problem = "must not contain user info (name:password@)";
        } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          problem = "must not have a query (?…) or fragment (#…)";
        }
      } catch (java.net.URISyntaxException e) {
        problem = "is not a valid URL (" + e.getReason() + ")";
      }
      if (problem != null) {
        throw new IllegalArgumentException(key + " " + problem + ": give the absolute http(s) URL under which the "
            + "bucket's objects are public, such as https://frames.example.org (object URLs are the base, '/', and the key)");
      }
      return trimmed;
    }
  }

  /**
   * A GET presigned for {@code ttl} with the store's credentials. Signing can fail only when the
   * credentials cannot be resolved; then the object has no URL, and the first failure in a row is
   * logged at WARN.
   */
  final class Presigned implements ObjectUrls {
    private static final Logger LOG = LoggerFactory.getLogger(Presigned.class);

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration ttl;
    private final AtomicBoolean failing = new AtomicBoolean();

    public Presigned(S3Presigner presigner, String bucket, Duration ttl) {
      this.presigner = Objects.requireNonNull(presigner, "presigner");
      this.bucket = Objects.requireNonNull(bucket, "bucket");
      this.ttl = checkedTtl(ttl, EpisodeProperties.Frames.PRESIGN_TTL_KEY);
    }

    /** {@code ttl} if it is 1 minute to 7 days; else an IllegalArgumentException naming {@code key}. */
    static Duration checkedTtl(Duration ttl, String key) {
      if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
        throw new IllegalArgumentException(key + " must be 1m to 7d (a presigned URL lives at most 7 days), not " + ttl);
      }
      return ttl;
    }

    public Duration ttl() {
      return ttl;
    }

    @Override
    public Optional<URI> of(String key) {
      try {
        URI url = URI.create(presigner.presignGetObject(p -> p.signatureDuration(ttl)
            .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
        failing.set(false);
        return Optional.of(url);
      } catch (SdkException | IllegalArgumentException e) {
        if (failing.compareAndSet(false, true)) {
          LOG.warn("Could not presign a URL for {} in bucket {} ({}); frames and log bundles go out without URL until "
              + "the evaluator's S3 credentials can be resolved", key, bucket, e.getMessage());
        }
        return Optional.empty();
      }
    }

    @Override
    public String mode() {
      return "presigned";
    }

    @Override
    public void close() {
      presigner.close();
    }
  }

  /**
   * {@code key} with each segment between slashes percent-encoded: RFC 3986's unreserved characters
   * stay, every other UTF-8 byte becomes {@code %XX}, and a segment that is {@code .} or {@code ..}
   * is encoded whole, so no client or proxy resolves it as a dot-segment.
   */
  static String encodePath(String key) {
    StringBuilder out = new StringBuilder(key.length() + 16);
    String[] segments = key.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      String segment = segments[i];
      if (segment.equals(".") || segment.equals("..")) {
        out.append("%2E".repeat(segment.length()));
        continue;
      }
      for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
            || c == '~') {
          out.append((char) c);
        } else {
          out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xf));
        }
      }
    }
    return out.toString();
  }
}
