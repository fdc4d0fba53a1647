#!/usr/bin/env bash
# Runs the npm scripts named as arguments at the same time, each line of output prefixed with its script's name,
# and fails when any of them fails (after all have finished, so every failure is reported).
set -uo pipefail
pids=()
for script in "$@"; do
  (npm run --silent "$script" 2>&1 | sed -u "s/^/[$script] /"; exit "${PIPESTATUS[0]}") &
  pids+=("$!")
done
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "== ${*:$((i + 1)):1} failed"
    failed=1
  fi
done
exit "$failed"
