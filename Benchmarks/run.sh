#!/usr/bin/env bash
# The benchmarks: mosc (release build) next to the libyaml floor and the Python script admins write instead.
#
#   bash Benchmarks/run.sh            # full: 1k, 10k and 100k policies (the 100k round takes a while)
#   bash Benchmarks/run.sh --quick    # 1k only, a minute or two
#   bash Benchmarks/run.sh --sizes "1k 10k" --runs 5
#
# Generates the corpora into .build-bench/corpus/ (once per seed and generator version), builds mosc with
# `swift build -c release` and the floor with `cc -O2 … -lyaml`, times every command with hyperfine in one run,
# measures peak RSS with /usr/bin/time -v, and writes the table to .build-bench/results.md (also printed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/.build-bench
NOW=2026-11-25T12:00:00Z
SEED=9
SIZES="1k 10k 100k"
RUNS=""
WARMUP=1
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) SIZES="1k"; shift ;;
        --sizes) SIZES="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --mosc) MOSC_BIN="$2"; shift 2 ;;  # a prebuilt mosc (the smoke test passes the debug build)
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; exit 64 ;;
    esac
done

say() { echo "bench: $*" >&2; }

# Tools: hyperfine and GNU time (Debian packages), libyaml and PyYAML (scripts/setup.sh).
need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[ -x /usr/bin/time ] || need_apt+=(time)
command -v cc >/dev/null || need_apt+=(gcc)
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
    say "installing ${need_apt[*]}"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_apt[@]}"
fi
bash scripts/setup.sh
python3 -c 'import yaml; assert yaml.__with_libyaml__, "PyYAML lacks its C loader (install libyaml-dev, then reinstall pyyaml)"'

mkdir -p "$BENCH"
if [ -z "${MOSC_BIN:-}" ]; then
    say "swift build -c release"
    swift build -c release --product mosc >&2
    MOSC_BIN="$(swift build -c release --show-bin-path)/mosc"
fi
cc -O2 -o "$BENCH/yaml-floor" Benchmarks/floor/yaml-floor.c -lyaml
FLOOR=$BENCH/yaml-floor
ALT="python3 $ROOT/Benchmarks/alternative/compile.py"
HAS_DIFF=0
if "$MOSC_BIN" diff --help >/dev/null 2>&1; then HAS_DIFF=1; fi

count() { case "$1" in *k) echo $(( ${1%k} * 1000 )) ;; *) echo "$1" ;; esac; }

# Corpora, regenerated only when the seed or the generator changed.
STAMP="$SEED-$(sha256sum Benchmarks/generate-corpus.py Sources/ManagedOS/Catalog/Data/catalog.tsv | sha256sum | cut -c1-16)"
for size in $SIZES; do
    for variant in "$size" "$size-changed"; do
        dir=$BENCH/corpus/$variant
        if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$STAMP" ]; then
            flag=""; [ "$variant" != "$size" ] && flag="--change"
            python3 Benchmarks/generate-corpus.py --policies "$(count "$size")" --seed "$SEED" --out "$dir" $flag
            echo "$STAMP" > "$dir/.stamp"
        fi
    done
done

RESULTS=$BENCH/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
for size in $SIZES; do
    corpus=$BENCH/corpus/$size
    out=$BENCH/out/$size
    rm -rf "$out" && mkdir -p "$out"
    # The corpus must be valid: 0 errors. Its compiled tree is what the floor copies.
    say "$size: validate and compile once"
    "$MOSC_BIN" validate "$corpus" --now "$NOW" 2> "$RESULTS/$size-validate.txt" || {
        tail -5 "$RESULTS/$size-validate.txt" >&2; echo "bench: the $size corpus does not validate" >&2; exit 1; }
    "$MOSC_BIN" compile "$corpus" --out "$out/reference" --now "$NOW" 2> /dev/null
    if [ $HAS_DIFF = 1 ]; then
        "$MOSC_BIN" compile "$BENCH/corpus/$size-changed" --out "$out/changed" --now "$NOW" 2> /dev/null
    fi

    runs=$RUNS
    if [ -z "$runs" ]; then case $size in 1k) runs=10 ;; 10k) runs=5 ;; *) runs=3 ;; esac; fi
    names=(floor "floor + cp -r" "cp -r" "mosc validate" "mosc compile")
    cmds=("$FLOOR $corpus"
          "$FLOOR $corpus > /dev/null && cp -r $out/reference $out/copy"
          "cp -r $out/reference $out/copy"
          "$MOSC_BIN validate $corpus --now $NOW"
          "$MOSC_BIN compile $corpus --out $out/mosc --now $NOW")
    prepares=("true" "rm -rf $out/copy" "rm -rf $out/copy" "true" "rm -rf $out/mosc")
    if [ $HAS_DIFF = 1 ]; then
        names+=("mosc diff (policies)" "mosc diff (compiled)")
        cmds+=("$MOSC_BIN diff $corpus $BENCH/corpus/$size-changed --now $NOW"
               "$MOSC_BIN diff $out/reference $out/changed")
        prepares+=("true" "true")
    else
        say "mosc diff does not exist yet: skipped"
    fi
    # The Python alternative takes minutes at 100k: it is timed up to 10k (the ≥ 10× target is set there).
    if [ "$(count "$size")" -le 10000 ]; then
        names+=("python alternative")
        cmds+=("$ALT $corpus --out $out/alt --now $NOW")
        prepares+=("rm -rf $out/alt")
    fi

    args=()
    for i in "${!names[@]}"; do
        args+=(--prepare "${prepares[$i]}" -n "${names[$i]}" "${cmds[$i]}")
    done
    say "$size: hyperfine, $runs runs of each"
    # Differences make diff exit 1, so -i (validate and compile were checked above).
    hyperfine -i --style basic --warmup $WARMUP --runs "$runs" --export-json "$RESULTS/$size.json" \
        "${args[@]}" >&2

    say "$size: peak RSS"
    for i in "${!names[@]}"; do
        eval "${prepares[$i]}"
        /usr/bin/time -v sh -c "${cmds[$i]} > /dev/null 2>&1" 2> "$RESULTS/$size-rss-$i.txt" || true
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$RESULTS/$size-rss-$i.txt")
        printf '%s\t%s\n' "${names[$i]}" "$kb" >> "$RESULTS/$size-rss.tsv"
    done
    bytes=$("$FLOOR" "$corpus" | awk '{print $3}')
    echo "$bytes" > "$RESULTS/$size-bytes.txt"
    files=$(find "$out/reference" -type f | wc -l)
    echo "$files" > "$RESULTS/$size-outfiles.txt"
done

{
    echo "# mosc benchmarks"
    echo
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ) at $(git rev-parse --short HEAD 2>/dev/null || echo '?'): \`bash Benchmarks/run.sh $*\`"
    echo
    echo "Machine: $(nproc) cores; $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}'); $(uname -srmo)"
    echo
    python3 Benchmarks/report.py "$RESULTS" $SIZES
} > "$BENCH/results.md"
cat "$BENCH/results.md"
