package ai.kinitro.backend.vault;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A presigned vault URL and the headers the caller must send with it (for a PUT: the signed
 * {@code Content-Type}, {@code Content-Length} and {@code x-amz-checksum-sha256}).
 */
public record PresignedUrl(String method, URI url, Instant expiresAt, Map<String, String> headers) {
  public PresignedUrl {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(headers, "headers")));
  }
}
