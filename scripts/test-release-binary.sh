#!/usr/bin/env bash
# Runs the release binary where no Swift is installed: a minimal Debian root (debootstrap --variant=minbase)
# that holds nothing of mosc's but the binary (put there by scripts/install.sh) and examples/fleet. In a chroot
# it validates and compiles the fleet, validates a broken example, and compares the compiled output byte for
# byte with the same compile by a host build.
#
#   scripts/test-release-binary.sh [BINARY]      default: .build-release/dist/mosc (scripts/build-release.sh)
#
# Environment:
#   MOSC_TEST_ROOT       where the minimal root lives; kept for the next run (default: a temporary folder, removed)
#   MOSC_REFERENCE       the host mosc to compare output with (default: .build/debug/mosc when it exists)
#   DEBIAN_SUITE         default: bookworm          DEBIAN_MIRROR   default: debootstrap's own
#   DEBOOTSTRAP_TIMEOUT  seconds for debootstrap (default 1200)
# Needs root (chroot) and Debian's package mirror; debootstrap is installed with apt-get when missing.
# Exit status: 0 passed; 1 the binary failed in the root; 2 cannot run here (not root, not Linux, no binary);
# 3 the root could not be made (debootstrap failed or timed out: the mirror), which says nothing about mosc.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
binary=$(realpath -m "${1:-$repo/.build-release/dist/mosc}")
now=2026-11-25T12:00:00Z
suite=${DEBIAN_SUITE:-bookworm}

fail() { echo "test-release-binary: FAIL: $*" >&2; exit 1; }
cannot() { echo "test-release-binary: $*" >&2; exit 2; }

[ "$(uname -s)" = Linux ] || cannot "needs Linux"
[ "$(id -u)" = 0 ] || cannot "needs root (debootstrap and chroot)"
[ -x "$binary" ] || cannot "no binary at $binary (run scripts/build-release.sh)"
if ! command -v debootstrap >/dev/null; then
    command -v apt-get >/dev/null || cannot "needs debootstrap"
    { apt-get install -y -qq debootstrap || { apt-get update -qq && apt-get install -y -qq debootstrap; }; } \
        >/dev/null 2>&1 || { echo "test-release-binary: could not install debootstrap (the mirror)" >&2; exit 3; }
fi

# Unmounts whatever an interrupted debootstrap left mounted below $1, then removes it without leaving its
# file system, so a stale /proc or /sys mount can never be followed.
remove_root() {
    local dir=$1 mount
    [ -d "$dir" ] || return 0
    for mount in $(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r); do
        umount -l "$mount" || true
    done
    rm -rf --one-file-system "$dir"
}

work=$(mktemp -d)
if [ -n "${MOSC_TEST_ROOT:-}" ]; then
    root=$(realpath -m "$MOSC_TEST_ROOT")
    trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
else
    root="$work/root"
    trap 'remove_root "$root"; rm -rf "$work"' EXIT
fi

# A binary built where libyaml.a was missing loads libyaml-0.so.2, its one documented runtime dependency.
# The root has no libcurl: only `mosc sync` and `mosc status --server` load it, on first use.
include=()
marker="$root/.mosc-minbase-$suite"
if readelf -d "$binary" | grep -q 'NEEDED.*libyaml'; then
    include=(--include=libyaml-0-2)
    marker="$marker-libyaml"
fi

if [ ! -f "$marker" ]; then
    remove_root "$root"
    echo "test-release-binary: debootstrap --variant=minbase ${include[*]} $suite (a few minutes)" >&2
    started=$SECONDS
    if ! timeout --kill-after=30 "${DEBOOTSTRAP_TIMEOUT:-1200}" debootstrap --variant=minbase "${include[@]}" \
        "$suite" "$root" ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"} > "$work/debootstrap.log" 2>&1
    then
        tail -n 20 "$work/debootstrap.log" >&2
        remove_root "$root"
        echo "test-release-binary: could not make the minimal root (see above); no verdict on mosc" >&2
        exit 3
    fi
    touch "$marker"
    echo "test-release-binary: root made in $((SECONDS - started)) s" >&2
fi

# Every real system and container has /proc; without it the binary sees no arguments (the Swift runtime reads
# them from /proc/self/cmdline) and prints its help.
chroot "$root" /bin/true || cannot "cannot chroot here"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc" || cannot "cannot mount /proc in the root"

# The root must not have Swift, or the test proves nothing.
in_root() { timeout 120 chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root /bin/sh -c "$1"; }
if in_root 'command -v swift' >/dev/null || [ -n "$(find "$root" -xdev -name 'libswiftCore*' -print -quit)" ]; then
    fail "the minimal root has a Swift runtime"
fi

rm -rf "$root/work" "$root/usr/local/bin/mosc"
"$repo/scripts/install.sh" --binary "$binary" "$root/usr/local" 2>/dev/null
mkdir -p "$root/work"
cp -R "$repo/examples/fleet" "$root/work/fleet"
cp -R "$repo/examples/invalid/unknown-key-typo" "$root/work/broken"

version=$(in_root 'mosc --version') || fail "mosc --version failed in the root"
[ "$version" = "$("$binary" --version)" ] || fail "mosc --version in the root printed '$version'"
in_root "cd /work && mosc validate fleet --now $now" || fail "mosc validate fleet exited $?"
in_root "cd /work && mosc compile fleet --out out --now $now" || fail "mosc compile fleet exited $?"
[ -f "$root/work/out/manifest.json" ] || fail "mosc compile wrote no manifest.json"
status=0
in_root "cd /work && mosc validate broken --now $now" > "$work/broken.txt" 2>&1 || status=$?
[ "$status" = 1 ] || fail "mosc validate of a broken repository exited $status, not 1"
grep -q "did you mean 'deadline'" "$work/broken.txt" || fail "unexpected diagnostics: $(cat "$work/broken.txt")"
# Without libcurl, sync says what to install (and touches no network: the root has none to reach).
printf 'cohort,serial,udid\nmac-it,C02MIT0001,0000FE00-TEST-0001\n' > "$root/work/devices.csv"
status=0
in_root "cd /work && MOSC_API_KEY=k mosc sync kmfddm out --url http://127.0.0.1:9 --devices devices.csv --now $now" \
    > "$work/sync.txt" 2>&1 || status=$?
[ "$status" = 2 ] || fail "mosc sync without libcurl exited $status, not 2: $(cat "$work/sync.txt")"
grep -q "libcurl is not installed" "$work/sync.txt" || fail "unexpected sync output: $(cat "$work/sync.txt")"

reference=${MOSC_REFERENCE:-$repo/.build/debug/mosc}
if [ -x "$reference" ]; then
    cp -R "$repo/examples/fleet" "$work/fleet"
    (cd "$work" && "$reference" compile fleet --out out --now "$now" 2>/dev/null) || fail "the reference compile failed"
    diff -r "$work/out" "$root/work/out" >&2 || fail "the root's output differs from $reference's"
    echo "test-release-binary: output identical to $reference's" >&2
fi
echo "test-release-binary: passed: $binary ($(du -h "$binary" | cut -f1)) validated and compiled examples/fleet in a minimal $suite root without Swift" >&2
