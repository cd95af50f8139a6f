#!/usr/bin/env bash
# The scheduled backup: create, verify (with --restore-test when asked: Sundays in the
# example crontab), then prune --apply with the default retention (or LUVHIVE_PRUNE_ARGS).
# Every luvhive run appends to $LUVHIVE_LOG_DIR/backup.log; this script also prints one
# timestamped line per step. Exits non-zero at the first failure, with the failing
# step's exit code (10 lock held, 11 pg tools, 12 corrupt, ... see README), after running
# LUVHIVE_ALERT_CMD (if set; by sh -c) with the message on its stdin and in
# $LUVHIVE_ALERT_MESSAGE (nothing is appended to the command: 'mail -s Subject ops@...'
# works as written). LUVHIVE_CLI overrides the luvhive command (default: the one beside this script).
#   scripts/automated_backup.sh [--restore-test]
# Exit 2 for an unknown argument (nothing runs).
set -uo pipefail
LUVHIVE="${LUVHIVE_CLI:-$(dirname "$(readlink -f "$0")")/luvhive}"
RESTORE_TEST=()
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --restore-test) RESTORE_TEST=(--restore-test); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "automated_backup: unknown argument '$1' (nothing was run); usage: $0 [--restore-test]" >&2; exit 2 ;;
  esac
done

say() { printf '%s automated_backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

fail() {
  local code="$1" message="luvhive backup on $(hostname) failed: $2"
  say "$message (exit $code)" >&2
  if [ -n "${LUVHIVE_ALERT_CMD:-}" ]; then
    printf '%s\n' "$message" | LUVHIVE_ALERT_MESSAGE="$message" sh -c "$LUVHIVE_ALERT_CMD" \
      || say "the alert command failed too: $LUVHIVE_ALERT_CMD" >&2
  fi
  exit "$code"
}

# run STEP ARGS...: the step's stdout is kept for parsing, its stderr (one-line errors) for the message.
run() {
  local step="$1" errors
  shift
  errors="$(mktemp)"
  local code=0
  OUTPUT="$("$LUVHIVE" "$@" 2>"$errors")" || code=$?
  if [ "$code" -eq 0 ]; then
    rm -f "$errors"
    return 0
  fi
  local reason
  reason="$(grep '^luvhive: ' "$errors" | grep -v '^luvhive: building' | tail -n 3 | tr '\n' ' ')"
  if [ -z "${reason// /}" ]; then # no one-line error: the JVM did not start, was killed, ...
    reason="$(grep -v '^[[:space:]]*$' "$errors" | tail -n 3 | tr '\n' ' ')"
  fi
  [ -n "${reason// /}" ] || reason="exit $code with no error output (killed? out of memory?)"
  rm -f "$errors"
  fail "$code" "$step: ${reason% }"
}

run create backup create --json --lock-wait "${LUVHIVE_BACKUP_LOCK_WAIT:-30m}"
NAME="$(printf '%s' "$OUTPUT" | sed -n 's/^ *"name" *: *"\([^"]*\)".*/\1/p' | head -n 1)"
[ -n "$NAME" ] || fail 1 "create: no backup name in its output"
say "created $NAME"

run verify backup verify "$NAME" "${RESTORE_TEST[@]}"
say "verified $NAME${RESTORE_TEST:+ with a restore test}"

# shellcheck disable=SC2086
run prune backup prune --apply --lock-wait "${LUVHIVE_BACKUP_LOCK_WAIT:-30m}" ${LUVHIVE_PRUNE_ARGS:-}
say "pruned: $(printf '%s' "$OUTPUT" | tail -n 1)"
