# Shared by the launchers of the release archive (bin/luvhive, bin/luvhive-bot): where the
# installation is and which Java runs it. Sourced, not run; needs only bash and coreutils.
#   luvhive_installed_java NAME    puts $JAVA_HOME/bin (if JAVA_HOME is set) first on PATH
#                                  and exits 1 with a one-line reason naming NAME unless
#                                  that java (or the one on PATH) is Java 17 or newer
set -euo pipefail
# What LuvHive writes is for its own user alone: its logs name users and chats, and so
# would a file appender an operator adds to logback.
umask 077

luvhive_installed_java() {
  local name="$1" java release version
  if [ -n "${JAVA_HOME:-}" ]; then
    [ -x "$JAVA_HOME/bin/java" ] || { echo "$name: JAVA_HOME=$JAVA_HOME has no bin/java: fix or unset it" >&2; exit 1; }
    PATH="$JAVA_HOME/bin:$PATH"
  fi
  java="$(command -v java)" || {
    echo "$name: java not found: install a Java 17 runtime (Debian: openjdk-17-jre-headless) or set JAVA_HOME" >&2
    exit 1
  }
  # The JDK's release file says its version without starting a JVM (Java 8: "1.8.0_...").
  release="$(dirname "$(dirname "$(readlink -f "$java")")")/release"
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" 2>/dev/null || true)"
  if [ -n "$version" ] && [ "$version" -lt 17 ]; then
    echo "$name: $java is older than Java 17: install a Java 17 runtime or set JAVA_HOME to one" >&2
    exit 1
  fi
}
