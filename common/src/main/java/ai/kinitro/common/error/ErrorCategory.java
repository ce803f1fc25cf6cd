package ai.kinitro.common.error;

/**
 * Who has to act on an error. Each protocol edge maps the category once: {@link #USER} errors are
 * the caller's to fix (HTTP 4xx), {@link #INTERNAL} are ours (HTTP 500), {@link #EXTERNAL} come
 * from a system we depend on (HTTP 502/503), {@link #RESOURCES} mean a limit was reached and the
 * call may succeed later (HTTP 429/503/413).
 */
public enum ErrorCategory {
  USER,
  INTERNAL,
  EXTERNAL,
  RESOURCES
}
