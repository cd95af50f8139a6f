#!/usr/bin/env bash
# The scheduled backup: create, verify (with --restore-test when asked: Sundays in the
# example crontab), then prune --apply with the default retention (or LUVHIVE_PRUNE_ARGS).
# Every luvhive run appends to $LUVHIVE_LOG_DIR/backup.log; this script also prints one
# timestamped line per step. Exits non-zero at the first failure, with the failing
# step's exit code (10 lock held, 11 pg tools, 12 corrupt, ... see README), after running
# LUVHIVE_ALERT_CMD (if set) with the message as its last argument and on stdin.
#   scripts/automated_backup.sh [--restore-test]
set -uo pipefail
LUVHIVE="$(dirname "$(readlink -f "$0")")/luvhive"
RESTORE_TEST=()
[ "${1:-}" = "--restore-test" ] && RESTORE_TEST=(--restore-test)

say() { printf '%s automated_backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

fail() {
  local code="$1" message="luvhive backup on $(hostname) failed: $2"
  say "$message (exit $code)" >&2
  if [ -n "${LUVHIVE_ALERT_CMD:-}" ]; then
    printf '%s\n' "$message" | sh -c "$LUVHIVE_ALERT_CMD \"\$1\"" alert "$message" \
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
  local message
  message="$step: $(grep '^luvhive: ' "$errors" | grep -v '^luvhive: building' | tail -n 3 | tr '\n' ' ')"
  rm -f "$errors"
  fail "$code" "$message"
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
