#!/usr/bin/env bash
# Installs what building and testing mosc needs: libyaml and pkg-config (mosc links the system libyaml and
# finds it through pkg-config), and python3 with PyYAML and jsonschema (Apple's schema checker and the JSON
# Schema check use them). Does nothing when they are present.
#   Debian/Ubuntu: apt-get (as root, or through sudo).
#   macOS:         Homebrew when `brew` is on PATH; otherwise it prints the commands to run and exits 1.
#   anything else: it prints what to install and exits 1.
set -euo pipefail

have_libyaml() { command -v pkg-config >/dev/null && pkg-config --exists yaml-0.1 2>/dev/null; }
have_python_modules() { command -v python3 >/dev/null && python3 -c 'import yaml, jsonschema' 2>/dev/null; }

# Prints what is missing and how to install it by hand, then exits 1.
missing() {
    echo "setup: $1" >&2
    echo "setup: install what is missing, then run this script again:" >&2
    shift
    for line in "$@"; do echo "    $line" >&2; done
    exit 1
}

pip_install() {
    echo "setup: installing PyYAML and jsonschema"
    # Debian's and Homebrew's Pythons refuse a plain pip install (PEP 668); the flag says we mean it.
    python3 -m pip install --quiet pyyaml jsonschema 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages pyyaml jsonschema
}

case "$(uname -s)" in
Darwin)
    if ! have_libyaml; then
        if command -v brew >/dev/null; then
            echo "setup: installing libyaml and pkg-config with Homebrew"
            brew install libyaml pkg-config
        else
            missing "libyaml and pkg-config are missing and Homebrew is not installed." \
                "Homebrew (https://brew.sh), then: brew install libyaml pkg-config" \
                "or MacPorts: sudo port install libyaml pkgconfig"
        fi
    fi
    if ! command -v swift >/dev/null; then
        missing "swift is not on PATH." "Xcode 26 or later (xcode-select --install for the command line tools)," \
            "or a Swift 6.3 toolchain from swift.org"
    fi
    if ! have_python_modules; then
        command -v python3 >/dev/null || missing "python3 is missing." "brew install python"
        pip_install
    fi
    ;;
Linux)
    if ! command -v apt-get >/dev/null; then
        have_libyaml && have_python_modules && exit 0
        missing "this is not a Debian-based system; install libyaml's development files, pkg-config, python3," \
            "PyYAML and jsonschema with its package manager, for example:" \
            "Fedora: sudo dnf install libyaml-devel pkgconf-pkg-config python3-pyyaml python3-jsonschema" \
            "Alpine: apk add yaml-dev yaml-static pkgconf py3-yaml py3-jsonschema"
    fi
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    updated=""
    apt_install() {
        [ -n "$updated" ] || $SUDO apt-get update -qq
        updated=1
        $SUDO apt-get install -y -qq "$@"
    }
    if ! have_libyaml; then
        echo "setup: installing libyaml-dev and pkg-config"
        apt_install libyaml-dev pkg-config
    fi
    if ! have_python_modules; then
        command -v python3 >/dev/null || apt_install python3 python3-pip
        python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
        pip_install
    fi
    ;;
*)
    missing "$(uname -s) is not a system mosc is built on; it needs Swift 6.3, libyaml and pkg-config." \
        "Swift 6.3 (swift.org), libyaml with its headers, pkg-config"
    ;;
esac
