# Sourced by ./kinitro and .ci/run. Exports JAVA_HOME pointing at a JDK 25 or newer, chosen from
# JAVA_HOME, the java on PATH, then /usr/lib/jvm/*; returns 1 with a message when none exists.

kinitro_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

kinitro_pick_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(kinitro_java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
    export JAVA_HOME
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if [ "$(kinitro_java_major "$candidate/bin/java")" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(kinitro_java_major "$candidate/bin/java")" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "No JDK 25 found (looked at JAVA_HOME, javac on PATH and /usr/lib/jvm). Install one, e.g. Temurin 25." >&2
  return 1
}
