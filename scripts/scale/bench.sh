#!/usr/bin/env bash
# Throughput of parley workers on one PostgreSQL store fed by one NATS
# JetStream work queue: a corpus of DOCS documents (default 20,000: the news
# corpus repeated, each copy with a numbered line appended, so that ids and
# content hashes differ) is published once per run, then N workers
# (default runs: 1, 2 and 4) drain it with `parley worker --drain`. Prints,
# per run, the wall time, documents per second, the CPU seconds of the
# workers, of PostgreSQL and of the NATS server, and how busy the whole
# machine was (other people's work included).
#
# Usage: scripts/scale/bench.sh [N ...]
# Env:   PARLEY_SHARED (../shared), PG (postgres://root@127.0.0.1:5432/test),
#        NATS (nats://127.0.0.1:4222), DOCS (20000), OUT (/tmp/parley-scale)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
	export PATH="/usr/local/go/bin:$PATH"
fi
SHARED=${PARLEY_SHARED:-../shared}
PG=${PG:-postgres://root@127.0.0.1:5432/test}
NATS=${NATS:-nats://127.0.0.1:4222}
DOCS=${DOCS:-20000}
OUT=${OUT:-/tmp/parley-scale}
RUNS=("$@")
[ ${#RUNS[@]} -gt 0 ] || RUNS=(1 2 4)
mkdir -p "$OUT"

go build -o "$OUT/parley" ./cmd/parley
go build -o "$OUT/jsclean" ./scripts/scale/jsclean

corpus="$OUT/news-$DOCS.jsonl"
if [ ! -s "$corpus" ]; then
	python3 - "$SHARED/data/news/news.jsonl" "$DOCS" "$corpus" <<'PY'
import json, sys
src, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base = [json.loads(l) for l in open(src, encoding="utf-8")]
with open(dst, "w", encoding="utf-8") as f:
    for i in range(n):
        d = dict(base[i % len(base)])
        d["id"] = f"copy{i // len(base)}-{d['id']}"
        d["text"] = d["text"] + f"\n\nThis is copy {i // len(base)} of the article, number {i}."
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
fi

# CPU seconds of a set of processes: utime+stime (+ the waited-for
# children's, for PostgreSQL's postmaster, whose backends exit with the
# workers' connections).
cpu() {
	python3 - "$@" <<'PY'
import os, sys
tck = os.sysconf("SC_CLK_TCK")
total = 0
for pid in sys.argv[1:]:
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    total += sum(int(x) for x in f[11:15])  # utime stime cutime cstime
print(total / tck)
PY
}
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat; }

printf '%-8s %8s %8s %10s %8s %8s %8s %14s %8s\n' workers wall_s docs/s worker_cpu pg_cpu nats_cpu load1 machine_busy stored
for n in "${RUNS[@]}"; do
	stamp=$(date +%s)
	schema="parley_bench_${stamp}_$n"
	stream="PARLEY_BENCH_${stamp}_$n"
	psql "$PG" -qc "CREATE SCHEMA $schema"
	db="$PG?search_path=$schema"
	[[ "$PG" == *\?* ]] && db="$PG&search_path=$schema"
	"$OUT/parley" ingest --quiet --no-dedup --queue "$NATS" --queue-name "$stream" "$corpus" 2>"$OUT/ingest-$n.log"
	pids_pg=$(pgrep -d' ' -u postgres postgres || true)
	pids_nats=$(pgrep -d' ' nats-server || true)
	pg0=$(cpu $pids_pg); nats0=$(cpu $pids_nats); read -r b0 t0 < <(busy)
	load=$(cut -d' ' -f1 /proc/loadavg)
	start=$(date +%s.%N)
	wpids=()
	for i in $(seq 1 "$n"); do
		"$OUT/parley" worker --quiet --drain --queue "$NATS" --queue-name "$stream" --db "$db" 2>"$OUT/worker-$n-$i.log" &
		wpids+=($!)
	done
	for p in "${wpids[@]}"; do wait "$p"; done
	end=$(date +%s.%N)
	pg1=$(cpu $(pgrep -d' ' -u postgres postgres || true)); nats1=$(cpu $pids_nats); read -r b1 t1 < <(busy)
	stored=$(psql "$PG" -Atc "SELECT count(*) FROM $schema.documents")
	wcpu=$(grep -ho '[0-9.]* CPU s' "$OUT"/worker-"$n"-*.log | awk '{s+=$1} END {print s}')
	python3 - "$n" "$start" "$end" "$stored" "$wcpu" "$pg0" "$pg1" "$nats0" "$nats1" "$load" "$b0" "$t0" "$b1" "$t1" <<'PY'
import os, sys
n, s, e, stored, w, pg0, pg1, n0, n1, load, b0, t0, b1, t1 = sys.argv[1:]
wall = float(e) - float(s)
busy = (float(b1) - float(b0)) / max(float(t1) - float(t0), 1) * os.cpu_count()
print(f"{n:<8} {wall:8.1f} {int(stored)/wall:8.0f} {float(w):10.1f} {float(pg1)-float(pg0):8.1f} {float(n1)-float(n0):8.1f} {load:>8} {busy:8.2f} cores {stored:>8}")
PY
	NATS_URL="$NATS" "$OUT/jsclean" "$stream" "${stream}_DEAD"
	PGOPTIONS="-c client_min_messages=warning" psql "$PG" -qc "DROP SCHEMA $schema CASCADE"
done
