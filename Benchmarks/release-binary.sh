#!/usr/bin/env bash
# The release binary's size and start-up time, side by side with the dynamically linked builds.
#
#   bash Benchmarks/release-binary.sh [STATIC [DYNAMIC]]
#
# STATIC defaults to .build-release/dist/mosc, DYNAMIC (the same sources linked against the Swift runtime's shared
# libraries) to .build/release/mosc.
#
# Builds what is missing (scripts/build-release.sh; `swift build -c release`; `swift build`), then prints each
# binary's size and what it loads, and times with hyperfine, in one interleaved run: `mosc --version` (start-up
# alone: loading, relocation, the Swift runtime's set-up) and `mosc validate examples/fleet` (a real small run).
# Figures from one machine: Benchmarks/release-binary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
static=$(realpath -m "${1:-.build-release/dist/mosc}")
dynamic=$(realpath -m "${2:-.build/release/mosc}")
[ -x "$static" ] || bash scripts/build-release.sh
[ -x "$dynamic" ] || swift build -c release --product mosc
[ -x .build/debug/mosc ] || swift build --product mosc
command -v hyperfine >/dev/null || { echo "release-binary: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

now=2026-11-25T12:00:00Z
echo "| binary | size | shared libraries it loads |"
echo "|---|---:|---|"
for binary in "$static" "$dynamic" .build/debug/mosc; do
    libs=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
    printf '| %s | %s | %s |\n' "$binary" "$(du -h "$binary" | cut -f1)" "$libs"
done
echo

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine -N --warmup 5 --runs "${RUNS:-50}" --export-markdown "$out/version.md" \
    -n "static release" "$static --version" \
    -n "dynamic release" "$dynamic --version" \
    -n "dynamic debug" ".build/debug/mosc --version" >&2
hyperfine -N --warmup 3 --runs "${RUNS:-50}" --export-markdown "$out/validate.md" \
    -n "static release" "$static validate examples/fleet --now $now" \
    -n "dynamic release" "$dynamic validate examples/fleet --now $now" \
    -n "dynamic debug" ".build/debug/mosc validate examples/fleet --now $now" >&2
echo "mosc --version:"
echo
cat "$out/version.md"
echo
echo "mosc validate examples/fleet:"
echo
cat "$out/validate.md"
