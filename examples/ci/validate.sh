#!/bin/sh
# mosc in any CI system: validate the policy repository and, given a base ref, write the change to the
# compiled output as Markdown for a review comment.
#
#   examples/ci/validate.sh [REPO] [BASE_REF]      e.g.  validate.sh . origin/main
#
# Environment: MOSC (default: mosc on PATH); MOSC_FORMAT (validate's format: text, json, github or sarif;
# default text); MOSC_DIFF_OUT (where the Markdown goes; default mosc-diff.md).
#
# Exit status, passed through from `mosc validate` so CI can tell the cases apart:
#   0   the policies are valid (warnings allowed)
#   1   the policies have errors: the diagnostics say which and where
#   2   tool failure: unreadable files, a folder that does not exist, no mosc
#   64  usage error (a bad option): a bug in this script or its arguments
# `mosc diff` runs only after a successful validation; its status never fails the job (0: no differences,
# 1: differences, 3: a side does not validate), it only decides what the Markdown says.
set -u

mosc=${MOSC:-mosc}
repo=${1:-.}
base=${2:-}
format=${MOSC_FORMAT:-text}
diff_out=${MOSC_DIFF_OUT:-mosc-diff.md}

if ! command -v "$mosc" >/dev/null 2>&1; then
    echo "validate.sh: '$mosc' not found; build it with 'swift build -c release' and put .build/release on PATH" >&2
    exit 2
fi

status=0
"$mosc" validate "$repo" --format "$format" || status=$?
case $status in
    0) echo "validate.sh: the policies are valid" >&2 ;;
    1) echo "validate.sh: the policies have errors (see above)" >&2 ;;
    2) echo "validate.sh: mosc could not read the repository" >&2 ;;
    64) echo "validate.sh: usage error" >&2 ;;
    *) echo "validate.sh: mosc ended with status $status" >&2 ;;
esac

if [ "$status" -eq 0 ] && [ -n "$base" ]; then
    diff_status=0
    (cd "$repo" && "$mosc" diff --base "$base" --format markdown) > "$diff_out" || diff_status=$?
    echo "validate.sh: mosc diff against $base exited $diff_status; the report is in $diff_out" >&2
fi

exit "$status"
