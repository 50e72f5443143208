#!/usr/bin/env bash
# Runs the walking test (tests/Bargaining.Tests/Walk) on demand: N rounds walked at random through what the product
# offers each person, checking the invariants of a round after every step. A failing walk prints its seed; pass it
# back with --seed to replay the same walk step by step.
#   scripts/walk.sh --rounds 1000            # a longer walk than CI's
#   scripts/walk.sh --rounds 300 --seed 42   # replay
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=""
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (use --rounds N [--seed S])" >&2; exit 2 ;;
  esac
done
[ -n "$rounds" ] && export BARGAINING_WALK_ROUNDS="$rounds"
# Without --seed a fresh one, so that each walk on demand tries new paths (CI keeps its fixed seed).
export BARGAINING_WALK_SEED="${seed:-$(( (RANDOM << 15) | RANDOM ))}"
echo "walking ${rounds:-the CI default number of} rounds with seed $BARGAINING_WALK_SEED (building first)…"
dotnet test tests/Bargaining.Tests -c Release --nologo --filter "FullyQualifiedName~Bargaining.Tests.Walk" \
  --logger "console;verbosity=normal"
