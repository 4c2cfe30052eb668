#!/usr/bin/env bash
# Runs the whole suite with the machine's clock moved (libfaketime, Debian's `faketime`), to catch
# tests that compare fixed dates with the wall clock. Usage:
#   npm run test:clock                    # a month ahead, a year ahead, a DST day, New Year's Eve
#   npm run test:clock -- "+30d" "Europe/Berlin|@2027-03-28 00:30:00"
# Each argument is a libfaketime spec, optionally after a machine time zone and "|": "+Nd" moves the
# clock, "@YYYY-MM-DD hh:mm:ss" starts it there. Monotonic clocks move by the same offset (only an
# offset: timers keep their length); Chromium crawls when they are left unfaked.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v faketime >/dev/null || { echo "test:clock needs Debian's faketime package (apt-get install faketime)" >&2; exit 2; }
SHIFTS=("$@")
# a month ahead, a year ahead, Europe's spring DST change (the machine in Berlin), New Year's Eve in Moscow
[ ${#SHIFTS[@]} -gt 0 ] || SHIFTS=("+30d" "+365d" "Europe/Berlin|@2027-03-28 00:30:00" "Europe/Moscow|@2026-12-31 23:40:00")
npm run build --silent >/dev/null
failed=()
for shift in "${SHIFTS[@]}"; do
  zone="${TZ:-UTC}"
  spec="${shift}"
  if [[ "${shift}" == *"|"* ]]; then zone="${shift%%|*}"; spec="${shift#*|}"; fi
  echo "=== the suite with the clock at ${spec} in ${zone}"
  # FAKETIME_DONT_RESET: every process the suite starts shares the one moved clock
  if ! TZ="${zone}" FAKETIME_DONT_RESET=1 faketime -f "${spec}" npx vitest run; then failed+=("${shift}"); fi
done
if [ ${#failed[@]} -gt 0 ]; then echo "failed with the clock at: ${failed[*]}" >&2; exit 1; fi
echo "the suite passed at every clock: ${SHIFTS[*]}"
