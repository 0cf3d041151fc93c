#!/usr/bin/env bash
# Installs what building and testing mosc needs on a Debian machine: libyaml (the YAML parser mosc links),
# and python3 with PyYAML and jsonschema (Apple's schema checker and the JSON Schema test use them).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

if ! pkg-config --exists yaml-0.1 2>/dev/null; then
    echo "setup: installing libyaml-dev"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq libyaml-dev pkg-config
fi
if ! command -v python3 >/dev/null; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq python3 python3-pip
fi
if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then
    echo "setup: installing PyYAML and jsonschema"
    python3 -m pip install --quiet pyyaml jsonschema || python3 -m pip install --quiet --break-system-packages pyyaml jsonschema
fi
