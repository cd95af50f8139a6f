# Shared by the launchers: build a module's runnable jar when it is missing or older
# than any source or pom, then exec java on it. Sourced, not run.
#   launch MODULE MAIN_JAR_NAME [args...]
set -euo pipefail

# What LuvHive writes is for its own user alone: its logs name users and chats, and so
# would a file appender an operator adds to logback. The build keeps the caller's umask.
LUVHIVE_CALLER_UMASK="$(umask)"
umask 077

LUVHIVE_REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"

# Stale: the jar is missing, or the parent pom, or a pom or main source of the module
# or of the modules it is built from (luvhive-core, plus LUVHIVE_BUILT_FROM), is newer than it.
luvhive_jar_is_stale() {
  local module="$1" jar="$2"
  [ -f "$jar" ] || return 0
  [ "$LUVHIVE_REPO/pom.xml" -nt "$jar" ] && return 0
  local dir
  # shellcheck disable=SC2086
  for dir in luvhive-core ${LUVHIVE_BUILT_FROM:-} "$module"; do
    [ -n "$(find "$LUVHIVE_REPO/$dir/pom.xml" "$LUVHIVE_REPO/$dir/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ] \
      && return 0
  done
  return 1
}

luvhive_build() {
  local module="$1" jar="$2"
  command -v java >/dev/null 2>&1 || { echo "luvhive: java not found: install a Java 17 JDK" >&2; exit 1; }
  mkdir -p "$LUVHIVE_REPO/target"
  # One build at a time, also when cron and a person start a launcher together.
  exec 9>"$LUVHIVE_REPO/target/.launcher.lock"
  flock 9
  if luvhive_jar_is_stale "$module" "$jar"; then
    command -v mvn >/dev/null 2>&1 || { echo "luvhive: mvn not found: install Maven 3.8+ to build $module" >&2; exit 1; }
    echo "luvhive: building $module (first use or sources changed)..." >&2
    local log="$LUVHIVE_REPO/target/launcher-build.log"
    if ! (cd "$LUVHIVE_REPO" && umask "$LUVHIVE_CALLER_UMASK" && mvn -q -B -DskipTests -pl "$module" -am package) \
      >"$log" 2>&1; then
      echo "luvhive: building $module failed; the last lines of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    touch "$jar" # Maven leaves an unchanged jar's time alone; mark it as checked now
  fi
  flock -u 9
  exec 9>&-
}

launch() {
  local module="$1" jar_name="$2"
  shift 2
  local jar="$LUVHIVE_REPO/$module/target/$jar_name"
  if luvhive_jar_is_stale "$module" "$jar"; then
    luvhive_build "$module" "$jar"
  fi
  # shellcheck disable=SC2086
  exec java ${LUVHIVE_JAVA_OPTS:-} -jar "$jar" "$@"
}

# As launch, for a jar without a Class-Path manifest entry: jar and lib/* on -cp, main class given.
#   launch_class MODULE MAIN_JAR_NAME MAIN_CLASS [args...]
launch_class() {
  local module="$1" jar_name="$2" main="$3"
  shift 3
  local jar="$LUVHIVE_REPO/$module/target/$jar_name"
  if luvhive_jar_is_stale "$module" "$jar"; then
    luvhive_build "$module" "$jar"
  fi
  # shellcheck disable=SC2086
  exec java ${LUVHIVE_JAVA_OPTS:-} -cp "$jar:$(dirname "$jar")/lib/*" "$main" "$@"
}
