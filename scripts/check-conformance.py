#!/usr/bin/env python3
"""Runs Apple's schema checker (../shared/tools/check_declaration.py) over a compiled mosc output folder.

Every artifact is checked at the platform, enrollment and lowest OS version it applies to, as manifest.json
records them: each cohort's files are grouped by their `minimumOS`, so each declaration runs at its own gate.
Plan files (plan.json) and the manifest are mosc's own formats, not Apple's, and are skipped.

A `mosc export fleet` folder (its manifest says `"export": "fleet"`) is checked the same way, each declaration
as Fleet serves it: the files leave out `ServerToken`, which Apple's DeclarationBase requires and Fleet adds,
so the checker runs on copies with a token added (a hash of the file, as a server computes one).

Usage: check-conformance.py OUTPUT_DIR [--checker PATH]
Exit status: 0 when every checker run passes, 1 otherwise, 2 on usage errors.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CHECKER = os.path.join(HERE, "..", "..", "shared", "tools", "check_declaration.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--checker", default=DEFAULT_CHECKER)
    args = parser.parse_args()
    if not os.path.exists(args.checker):
        print(f"check-conformance: no checker at {args.checker}", file=sys.stderr)
        return 2
    with open(os.path.join(args.output, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    runs = 0
    failures = 0
    served = tempfile.TemporaryDirectory() if manifest.get("export") == "fleet" else None
    for name, cohort in sorted(manifest["cohorts"].items()):
        groups = defaultdict(list)
        for artifact in cohort["artifacts"]:
            if artifact["path"].endswith("plan.json") or artifact["path"].endswith(".txt"):
                continue
            path = os.path.join(args.output, artifact["path"])
            if served is not None:
                path = with_server_token(path, served.name)
            groups[artifact["minimumOS"]].append(path)
        for version, paths in sorted(groups.items()):
            platform = "iOS" if cohort["platform"] == "iPadOS" else cohort["platform"]
            command = [sys.executable, args.checker, "--strict", "-q", "--platform", platform,
                       "--os-version", version, "--enrollment", cohort["enrollment"]] + sorted(paths)
            result = subprocess.run(command, capture_output=True, text=True)
            runs += 1
            if result.returncode != 0:
                failures += 1
                print(f"FAIL {name} ({platform} {version}, {cohort['enrollment']}):")
                print(result.stdout + result.stderr)
    print(f"check-conformance: {runs} checker runs over {len(manifest['cohorts'])} cohorts, {failures} failed")
    return 1 if failures else 0


def with_server_token(path, folder):
    """A copy of the exported declaration at `path` with the ServerToken Fleet adds when it serves it."""
    with open(path, encoding="utf-8") as handle:
        declaration = json.load(handle)
    compact = json.dumps(declaration, sort_keys=True, separators=(",", ":")).encode("utf-8")
    declaration["ServerToken"] = hashlib.sha256(compact).hexdigest()
    copy = os.path.join(folder, os.path.basename(path))
    with open(copy, "w", encoding="utf-8") as handle:
        json.dump(declaration, handle, indent=2, sort_keys=True)
    return copy


if __name__ == "__main__":
    sys.exit(main())
