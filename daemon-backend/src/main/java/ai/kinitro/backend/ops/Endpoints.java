package ai.kinitro.backend.ops;

import java.net.URI;

/** Endpoints as health details: scheme, host and port only (user info and paths may hold API keys). */
final class Endpoints {
  private Endpoints() {}

  static String redacted(URI uri) {
    if (uri.getHost() == null) {
      return uri.getScheme() + ":…";
    }
    String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    boolean more = uri.getUserInfo() != null || (uri.getRawPath() != null && uri.getRawPath().length() > 1)
        || uri.getRawQuery() != null;
    return more ? base + "/…" : base;
  }
}
