#!/usr/bin/env bash
# Puts `mosc` into PREFIX/bin, where the pre-commit hook (`language: system`) and CI scripts find it on PATH.
#
#   scripts/install.sh [PREFIX]                    builds release from these sources, installs PREFIX/bin/mosc
#   scripts/install.sh --binary FILE [PREFIX]      installs a binary built elsewhere (scripts/build-release.sh)
#
# PREFIX defaults to /usr/local (needs root or sudo); ~/.local installs for one user. The install is atomic: a
# running mosc keeps its file, and an interrupted install leaves the old one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

binary=""
if [ "${1:-}" = "--binary" ]; then
    [ $# -ge 2 ] || { echo "install: --binary needs a file" >&2; exit 64; }
    binary=$2
    shift 2
fi
[ $# -le 1 ] || { echo "usage: scripts/install.sh [--binary FILE] [PREFIX]" >&2; exit 64; }
prefix=${1:-/usr/local}

if [ -z "$binary" ]; then
    echo "install: building mosc (release)" >&2
    swift build -c release --package-path "$root" --product mosc
    binary="$(swift build -c release --package-path "$root" --show-bin-path)/mosc"
fi
[ -f "$binary" ] && [ -x "$binary" ] || { echo "install: '$binary' is not an executable file" >&2; exit 2; }

mkdir -p "$prefix/bin"
staged=$(mktemp "$prefix/bin/.mosc.XXXXXX")
trap 'rm -f "$staged"' EXIT
cp "$binary" "$staged"
chmod 0755 "$staged"
mv -f "$staged" "$prefix/bin/mosc"
trap - EXIT
echo "install: installed $prefix/bin/mosc" >&2

case ":$PATH:" in
*":$prefix/bin:"*) ;;
*) echo "install: $prefix/bin is not on PATH; add it (e.g. export PATH=\"$prefix/bin:\$PATH\") for the pre-commit hook" >&2 ;;
esac
