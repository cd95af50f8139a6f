# AppCDS for the luvhive command line: a class-data archive per command (backup-create,
# db-info, ...), recorded by that command's first run after a build and mapped
# by the later ones, so the ~4000 library classes a run loads are not parsed and verified
# again each time (measured: about 0.4 s less CPU per run on 2 vCPUs; see README
# "Backups"). Sourced, not run. Off with LUVHIVE_CDS=off.
#   luvhive_java_cds JAR [args...]    runs: java $LUVHIVE_JAVA_OPTS [CDS options] -jar JAR args
# The archives go in cds/ beside the jar, or under LUVHIVE_CDS_DIR when set (the release
# archive's launcher sets it: an installed lib/ is not writable by the user who runs it);
# where they cannot be written, the command runs without one.
#
# Never breaks a run:
# - an archive is used only when it is newer than the jar, every lib/*.jar and the JVM
#   (libjvm.so), and is keyed by the JVM's path; the JVM itself also rejects an archive
#   of another jar or JVM and then runs without one (its CDS messages are silenced);
# - the JVM crashes (SIGBUS) on a truncated archive, so an archive is written under a
#   temporary name by the recording run and renamed into place only after that JVM exited
#   (with any code but 2, bad usage) and the jar is unchanged; the JVM writes the archive's
#   header last, so an interrupted recording is rejected, never mapped;
# - recording runs only after a probe JVM (-version) proved this JVM can record with these
#   options (it cannot with -Xshare:off or without a base CDS archive), and with 256 MB free.
#   The recording run (once per command and build) takes about 0.5 s longer; it is not
#   exec'd, so its exit code is passed on by this shell.

luvhive_cds_key() {
  local arg words=0 key=""
  for arg in "$@"; do
    case "$arg" in
      -*) continue ;;
    esac
    [[ "$arg" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || break
    key="${key:+$key-}$arg"
    words=$((words + 1))
    [ "$words" -ge 2 ] && break
  done
  printf '%s' "${key:-default}"
}

# Succeeds when ARCHIVE is complete and newer than the jar, its libraries (in lib/ beside
# the jar, or beside it) and the JVM.
luvhive_cds_fresh() {
  local archive="$1" jar="$2" libjvm="$3" libs
  [ -s "$archive" ] && [ "$archive" -nt "$jar" ] || return 1
  [ -z "$libjvm" ] || [ "$archive" -nt "$libjvm" ] || return 1
  libs="$(dirname "$jar")/lib"
  [ -d "$libs" ] || libs="$(dirname "$jar")"
  [ -z "$(find "$libs" -maxdepth 1 -name '*.jar' -newer "$archive" -print -quit 2>/dev/null)" ]
}

luvhive_java_cds() {
  local jar="$1"
  shift
  # shellcheck disable=SC2206
  local opts=(${LUVHIVE_JAVA_OPTS:-})
  local java
  java="$(readlink -f "$(command -v java)" 2>/dev/null)" || java=""
  case " ${LUVHIVE_JAVA_OPTS:-} " in
    *-Xshare:off*|*SharedArchiveFile*|*ArchiveClassesAtExit*) LUVHIVE_CDS=off ;;
  esac
  if [ "${LUVHIVE_CDS:-on}" = off ] || [ -z "$java" ]; then
    exec java "${opts[@]}" -jar "$jar" "$@"
  fi
  local libjvm="${java%/bin/java}/lib/server/libjvm.so"
  [ -f "$libjvm" ] || libjvm=""
  local dir archive quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [ -n "${LUVHIVE_CDS_DIR:-}" ]; then # shared by installs: keyed by the jar too
    dir="$LUVHIVE_CDS_DIR/${jar//[^A-Za-z0-9]/_}${java//[^A-Za-z0-9]/_}"
  else
    dir="$(dirname "$jar")/cds/${java//[^A-Za-z0-9]/_}"
  fi
  archive="$dir/$(luvhive_cds_key "$@").jsa"
  if luvhive_cds_fresh "$archive" "$jar" "$libjvm"; then
    exec java "${opts[@]}" "${quiet[@]}" -XX:SharedArchiveFile="$archive" -jar "$jar" "$@"
  fi
  local tmp="$archive.$$.tmp" free_kb
  mkdir -p "$dir" 2>/dev/null || exec java "${opts[@]}" -jar "$jar" "$@"
  free_kb="$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 { print $4 }')" || free_kb=0
  if [ "${free_kb:-0}" -lt 262144 ] || ! : >"$tmp" 2>/dev/null \
    || ! java "${opts[@]}" "${quiet[@]}" -XX:ArchiveClassesAtExit="$tmp" -version >/dev/null 2>&1 \
    || [ ! -s "$tmp" ]; then
    rm -f "$tmp"
    exec java "${opts[@]}" -jar "$jar" "$@"
  fi
  rm -f "$tmp"
  local before code=0
  before="$(stat -c '%Y %s' "$jar")"
  # Not exec'd (the archive is renamed after the JVM exits), so signals are passed on to the
  # JVM and stdin is handed to it explicitly (a background job would otherwise get /dev/null).
  java "${opts[@]}" "${quiet[@]}" -XX:ArchiveClassesAtExit="$tmp" -jar "$jar" "$@" <&0 &
  local child=$!
  trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
  while :; do
    code=0
    wait "$child" || code=$?
    kill -0 "$child" 2>/dev/null || break
  done
  trap - TERM INT HUP
  if [ "$code" -ne 2 ] && [ -s "$tmp" ] && [ "$(stat -c '%Y %s' "$jar" 2>/dev/null)" = "$before" ]; then
    sync "$tmp" 2>/dev/null || true
    mv -f "$tmp" "$archive" 2>/dev/null || rm -f "$tmp"
  else
    rm -f "$tmp"
  fi
  exit "$code"
}
