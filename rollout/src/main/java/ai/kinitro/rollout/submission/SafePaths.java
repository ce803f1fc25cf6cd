package ai.kinitro.rollout.submission;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.List;

/** Checks and normalises relative paths found in archives and manifests. */
final class SafePaths {
  private SafePaths() {}

  /**
   * The path's segments with empty and {@code .} segments dropped. Absolute paths (including
   * Windows drive and UNC forms) and {@code ..} segments are refused with their own codes.
   */
  static List<String> check(String path) {
    if (path.indexOf('\0') >= 0) {
      throw new KinitroException(ErrorCode.ARCHIVE_MALFORMED, "Path contains a NUL character");
    }
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      throw new KinitroException(ErrorCode.ARCHIVE_ABSOLUTE_PATH, "Absolute path '" + path + "' is not allowed");
    }
    List<String> segments = new ArrayList<>();
    for (String s : path.split("[/\\\\]")) {
      if (s.equals("..")) {
        throw new KinitroException(ErrorCode.ARCHIVE_PATH_TRAVERSAL, "Path '" + path + "' contains '..'");
      }
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    return segments;
  }

  static String join(List<String> segments) {
    return String.join("/", segments);
  }
}
