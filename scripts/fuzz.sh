#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/) and runs it for a given time, seeded from examples/.
#   scripts/fuzz.sh [SECONDS] [JOBS]      default: 600 seconds, 1 job
# Crashes land in .build-fuzz/crashes/; turn each into a regression test in Tests/ManagedOSTests/Robustness/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
jobs=${2:-1}
scratch=.build-fuzz
(cd Fuzz && swift build -c release --scratch-path "../$scratch" \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)
bin=$(cd Fuzz && swift build -c release --scratch-path "../$scratch" --show-bin-path)/MoscFuzz
corpus=$scratch/corpus
mkdir -p "$corpus" "$scratch/crashes"
# Seeds: every example file, and the valid fleet as multi-file inputs joined by NUL bytes.
find examples -name '*.yaml' -print0 | while IFS= read -r -d '' f; do
    cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
done
flags=(-max_total_time="$seconds" -max_len=16384 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1)
if [ "$jobs" -gt 1 ]; then
    # Parallel jobs write fuzz-<n>.log into the current folder: run them inside the scratch folder.
    (cd "$scratch" && "$bin" corpus "${flags[@]}" -artifact_prefix=crashes/ -jobs="$jobs" -workers="$jobs")
    tail -n 25 "$scratch"/fuzz-*.log
else
    "$bin" "$corpus" "${flags[@]}" -artifact_prefix="$scratch/crashes/" 2>&1 | tail -n 25
fi
