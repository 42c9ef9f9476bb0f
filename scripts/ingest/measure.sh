#!/usr/bin/env bash
# Reproduces the ingest measurements: HTML body extraction on the benchmark's
# dev split (parley's scorer and the reference score_html.py), extraction
# speed, and end-to-end ingest of the shared WARC and feed samples.
# Usage: scripts/ingest/measure.sh [SHARED_DIR]   (default: ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${1:-${PARLEY_SHARED:-../shared}}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/parley" ./cmd/parley

echo "== HTML dev split: parley eval html (extraction + Go scorer)"
"$tmp/parley" eval html "$shared/data/html/dev.jsonl" --pred-out "$tmp/pred.jsonl"
echo "== the same predictions, reference scorer"
python3 "$shared/tools/score_html.py" "$shared/data/html/dev.jsonl" "$tmp/pred.jsonl"

echo "== extraction speed, 2 cores"
go test ./ingest/html -run '^$' -bench ExtractDev -cpu 2 -benchtime 5x

echo "== WARC sample end to end"
"$tmp/parley" ingest "$shared/data/warc/aeb-dev-sample.warc.gz" --out - > "$tmp/warc.jsonl"
echo "$(wc -l < "$tmp/warc.jsonl") documents"

echo "== sample feeds end to end"
"$tmp/parley" ingest "$shared"/data/feeds/*.xml --out - > "$tmp/feeds.jsonl"
echo "$(wc -l < "$tmp/feeds.jsonl") documents"

echo "== kill -9 test"
go test ./ingest -run KilledIngest -count=1 -v | grep -E 'round|PASS|FAIL'
