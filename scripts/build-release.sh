#!/usr/bin/env bash
# Builds the Linux release artifact: one `mosc` binary that runs without Swift installed.
#
#   scripts/build-release.sh [OUTDIR]          default OUTDIR: .build-release/dist
#
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib), and so is libyaml when its
# static archive is installed (Debian's libyaml-dev ships libyaml.a); otherwise libyaml stays the one runtime
# dependency beyond the C and C++ runtimes every Linux system has (Debian: libyaml-0-2), and the script says so.
# Writes OUTDIR/mosc, OUTDIR/mosc-VERSION-linux-ARCH.tar.gz (the release asset) and its .sha256.
# scripts/test-release-binary.sh runs the binary in a minimal Debian root that has no Swift.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=$(realpath -m "${1:-$root/.build-release/dist}")
scratch="$root/.build-release"

[ "$(uname -s)" = Linux ] || { echo "build-release: builds the Linux artifact; on macOS use scripts/install.sh" >&2; exit 2; }

# SwiftPM links libyaml as `-L<libdir> -lyaml` from pkg-config's yaml-0.1.pc; a copy of that file whose libdir
# holds only libyaml.a makes the linker take the archive instead of libyaml.so.
libyaml_dir=$(pkg-config --variable=libdir yaml-0.1 2>/dev/null || true)
if [ -n "$libyaml_dir" ] && [ -f "$libyaml_dir/libyaml.a" ]; then
    static="$scratch/static-libyaml"
    mkdir -p "$static/pkgconfig"
    ln -sf "$libyaml_dir/libyaml.a" "$static/libyaml.a"
    cat > "$static/pkgconfig/yaml-0.1.pc" <<EOF
includedir=$(pkg-config --variable=includedir yaml-0.1)
libdir=$static
Name: LibYAML
Description: libyaml's static archive, for mosc's release binary
Version: $(pkg-config --modversion yaml-0.1)
Cflags: -I\${includedir}
Libs: -L\${libdir} -lyaml
EOF
    export PKG_CONFIG_PATH="$static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
    libyaml="static"
else
    echo "build-release: no libyaml.a (Debian: apt-get install libyaml-dev); libyaml is linked dynamically" >&2
    libyaml="dynamic"
fi

swift build -c release --product mosc --scratch-path "$scratch" --static-swift-stdlib
built="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/mosc"

# What the binary still loads: the C and C++ runtimes, and libyaml only when it could not be linked in.
needed=$(readelf -d "$built" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort)
if grep -E '^lib(swift|Foundation|dispatch|BlocksRuntime|_Foundation)' <<<"$needed"; then
    echo "build-release: the binary still loads the Swift runtime (above)" >&2
    exit 1
fi
if [ "$libyaml" = static ] && grep -q '^libyaml' <<<"$needed"; then
    echo "build-release: libyaml.a was there but the binary loads libyaml dynamically" >&2
    exit 1
fi

mkdir -p "$out"
# Symbols make the file several times larger and are not needed to run it.
strip -o "$out/mosc.tmp" "$built"
mv -f "$out/mosc.tmp" "$out/mosc"
version=$("$out/mosc" --version)
asset="mosc-$version-linux-$(uname -m).tar.gz"
tar -C "$out" -czf "$out/$asset" --owner=0 --group=0 --numeric-owner mosc
(cd "$out" && sha256sum "$asset" > "$asset.sha256")

echo "build-release: $out/mosc ($(du -h "$out/mosc" | cut -f1), libyaml $libyaml); loads: $(tr '\n' ' ' <<<"$needed")" >&2
echo "build-release: release asset $out/$asset" >&2
