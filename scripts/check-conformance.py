#!/usr/bin/env python3
"""Runs Apple's schema checker (../shared/tools/check_declaration.py) over a compiled mosc output folder.

Every artifact is checked at the platform, enrollment and lowest OS version it applies to, as manifest.json
records them. A cohort's legacy files are grouped by their `minimumOS`. Its DDM files are checked at each
`minimumOS` among them, as a device of that OS is served them: every declaration whose window (`minimumOS`, and
`belowOS` when an activation's predicate selects older devices only) holds that OS, with each activation's
`Predicate` evaluated for it, and only the configurations the activations that apply list.
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
import re
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
        ddm = []
        for artifact in cohort["artifacts"]:
            if artifact["path"].endswith("plan.json") or artifact["path"].endswith(".txt"):
                continue
            path = os.path.join(args.output, artifact["path"])
            if served is not None:
                path = with_server_token(path, served.name)
            if "/ddm/" in artifact["path"] and served is None:
                ddm.append((artifact, path))
            else:
                groups[artifact["minimumOS"]].append(path)
        for version in sorted({artifact["minimumOS"] for artifact, _ in ddm}, key=version_key):
            groups[version].extend(served_at(ddm, version))
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


def version_key(text):
    return tuple(int(part) for part in text.split("."))


def admits(artifact, version):
    """Whether a device running `version` is in the artifact's OS window."""
    below = artifact.get("belowOS")
    return version_key(artifact["minimumOS"]) <= version_key(version) and (
        below is None or version_key(version) < version_key(below))


def served_at(ddm, version):
    """The DDM files a device running `version` applies: the activations whose window and predicate hold, the
    configurations they list, and the documents (declaration-items, tokens, the command)."""
    activations, configurations, documents = [], {}, []
    for artifact, path in ddm:
        if not admits(artifact, version):
            continue
        if "/declarations/" not in artifact["path"]:
            documents.append(path)
            continue
        with open(path, encoding="utf-8") as handle:
            declaration = json.load(handle)
        if declaration.get("Type", "").startswith("com.apple.activation."):
            predicate = declaration.get("Payload", {}).get("Predicate")
            if predicate is None or evaluate(predicate, version):
                activations.append((declaration, path))
        else:
            configurations[declaration.get("Identifier")] = path
    listed = {identifier for declaration, _ in activations
              for identifier in declaration.get("Payload", {}).get("StandardConfigurations", [])}
    return sorted(documents + [path for _, path in activations]
                  + [path for identifier, path in configurations.items() if identifier in listed])


STATUS_ITEM = "@status(device.operating-system.version)"
TOKEN = re.compile(r"\s*(\(|\)|NOT\b|AND\b|OR\b|@status\([a-z.-]+\)\s+MATCHES\s+'[^']*')")


def evaluate(predicate, version):
    """Evaluates the subset of NSPredicate mosc writes (MATCHES on the OS version, NOT, AND, OR, parentheses)
    as a device running `version` would: MATCHES is an ICU regular expression over the whole string, which
    re.fullmatch reproduces for the digit classes and alternations mosc uses."""
    tokens, position = [], 0
    while position < len(predicate):
        match = TOKEN.match(predicate, position)
        if match is None:
            if predicate[position:].strip() == "":
                break
            raise ValueError(f"unsupported predicate at {position}: {predicate}")
        tokens.append(match.group(1))
        position = match.end()

    def chain(operator, operand):
        """operand (operator operand)*, folded with `or`/`and` as `operator` says."""
        def parse(index):
            value, index = operand(index)
            while index < len(tokens) and tokens[index] == operator:
                right, index = operand(index + 1)
                value = (value or right) if operator == "OR" else (value and right)
            return value, index
        return parse

    def unary(index):
        if tokens[index] == "NOT":
            value, index = unary(index + 1)
            return not value, index
        if tokens[index] == "(":
            value, index = expression(index + 1)
            if index >= len(tokens) or tokens[index] != ")":
                raise ValueError(f"unbalanced parentheses: {predicate}")
            return value, index + 1
        item, pattern = re.match(r"(@status\([a-z.-]+\))\s+MATCHES\s+'([^']*)'", tokens[index]).groups()
        if item != STATUS_ITEM:
            raise ValueError(f"unsupported status item {item}")
        return re.fullmatch(pattern, version) is not None, index + 1

    expression = chain("OR", chain("AND", unary))
    value, index = expression(0)
    if index != len(tokens):
        raise ValueError(f"trailing tokens in predicate: {predicate}")
    return value


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
