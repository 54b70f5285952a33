#!/usr/bin/env bash
# Byte-identity of the pipeline's outputs between two checkouts of the code.
#   bench/core_identity.sh CODE_DIR OUT_DIR      (run once per checkout, then diff -r the two OUT_DIRs)
# Builds (embedded store, no SHACL) data/corpus, data/real/texts, the shared real and seed corpora and a
# 1k generated corpus (made once, by the first run, in $GEN), and keeps each build's records/ and rows/.
set -euo pipefail
CODE=$(cd "$1" && pwd); OUT=$2; GEN=${GEN:-/tmp/core-identity-gen}
BIN=/work/main/.venv/bin
SHARED=${SHARED:-/work/shared}
mkdir -p "$OUT"
DATA=${DATA:-/tmp/core-identity-data}  # data/ copied once, so the rows' paths are the same for both runs
if [ ! -d "$GEN" ]; then
  PYTHONPATH=$CODE "$BIN/safetykg" generate --count 1000 --seed 7 --out "$GEN"
fi
[ -d "$DATA" ] || cp -r "$CODE/data" "$DATA"
run() {  # name paths...
  local name=$1; shift
  local ws; ws=$(mktemp -d)
  (cd "$CODE" && PYTHONPATH=$CODE "$BIN/safetykg" build --workspace "$ws" --no-shacl --quiet "$@" >"$OUT/$name.log" 2>&1) || true
  mkdir -p "$OUT/$name"
  cp -r "$ws/records" "$ws/rows" "$OUT/$name/" 2>/dev/null || true
  [ -f "$ws/resolver.json" ] && cp "$ws/resolver.json" "$OUT/$name/"
  rm -rf "$ws"
}
run data "$DATA/corpus" "$DATA/real/texts"
run real "$SHARED/corpus/real"
run seeds "$SHARED/corpus/seeds"
run gen "$GEN/texts"
echo "done $OUT"
# compare: diff -r BASE_OUT OUT (the logs hold timings; records and rows must match)
