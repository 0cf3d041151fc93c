#!/usr/bin/env python3
"""Validate every YAML document of mosc policy repositories against specs/mosc-v1.schema.json.

Usage: scripts/check-json-schema.py [--schema FILE] FOLDER...

Each FOLDER is read the way mosc reads a repository: every *.yaml / *.yml below it, recursively, sorted,
hidden files and folders skipped, minus the `exclude:` globs of its Settings document. Prints one line per
file (problems indented below it) and exits 0 when every document matches the schema, 1 when one does not,
2 on a usage error. Needs python3 with PyYAML and jsonschema.

Plain scalars are resolved as mosc reads them: by the YAML 1.2 core schema only (null, true/false, integers
and floats), like an editor with yaml-language-server. None of PyYAML's YAML 1.1 extras apply: no
timestamps (an unquoted deadline stays a string), no yes/no/on/off booleans, no base-60 numbers, no `=`
value tag and no `<<` merge key (a plain `=` is the string "=", as mosc reads it). Duplicate keys are
reported (PyYAML would silently keep the last one), and so is an unquoted `time:` (mosc's MOS220: YAML 1.1
tools read 17:00 as 1020).
"""

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover - environment problem
    print(f"check-json-schema: needs PyYAML and jsonschema ({error})", file=sys.stderr)
    sys.exit(2)


class PolicyLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver, reporting duplicate keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates = []

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    self.duplicates.append(
                        (key_node.start_mark.line + 1, f"duplicate key '{key_node.value}' (first on line {seen[key_node.value]})")
                    )
                else:
                    seen[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


# The YAML 1.2 core schema's resolvers (https://yaml.org/spec/1.2.2/#1032-tag-resolution), and nothing else.
PolicyLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    PolicyLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _construct_core_int(loader, node):
    """Integers as YAML 1.2 writes them (0o17 octal, 0x1F hex); PyYAML's reader knows YAML 1.1's forms."""
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


PolicyLoader.add_constructor("tag:yaml.org,2002:int", _construct_core_int)


def glob_to_regex(pattern):
    """Translate an exclude glob ('*', '?', '**', [abc]) into a regex over '/'-separated relative paths."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                raise ValueError(f"unclosed '[' in exclude pattern '{pattern}'")
            body = pattern[i + 1 : end]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z")


def yaml_files(root):
    """Every *.yaml / *.yml below root (any letter case, as mosc reads), sorted by relative path, hidden skipped."""
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
            found.append(relative.as_posix())
    return sorted(found)


def load(path):
    """Returns (documents with their root nodes, problems) for one file."""
    text = path.read_text(encoding="utf-8")
    loader = PolicyLoader(text)
    documents, problems = [], []
    try:
        while loader.check_node():
            node = loader.get_node()
            documents.append((node, loader.construct_document(node)))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problems.append((line, f"YAML: {getattr(error, 'problem', None) or error}"))
    finally:
        loader.dispose()
    problems.extend(loader.duplicates)
    problems.extend(refused_constructs(text))
    for node, _ in documents:
        problems.extend(unquoted_times(node))
    return documents, problems


def unquoted_times(node):
    """Every plain `time:` value (mosc refuses it, MOS220), found by walking the document's nodes."""
    problems, pending = [], [node]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "time" and isinstance(value, yaml.ScalarNode):
                    if value.style is None:
                        problems.append(
                            (value.start_mark.line + 1, f"unquoted time {value.value} (mosc refuses it: quote it)")
                        )
                pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    return problems


def refused_constructs(text):
    """mosc's YAML rules that no schema can see: anchors, aliases and tags other than !!str are refused."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=PolicyLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                problems.append((line, f"YAML alias '*{event.anchor}' (mosc refuses aliases)"))
            elif isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.anchor is not None:
                    problems.append((line, f"YAML anchor '&{event.anchor}' (mosc refuses anchors)"))
                if event.tag not in (None, "!", "tag:yaml.org,2002:str"):
                    problems.append((line, f"explicit tag '{event.tag}' (mosc accepts only !!str)"))
    except yaml.YAMLError:
        pass  # already reported by load()
    return problems


def most_specific(error):
    """For a oneOf/anyOf failure, the error of the alternative that came closest, so the message is useful."""
    while error.context:
        # An alternative whose type does not even match the value is the wrong branch: skip it.
        candidates = [child for child in error.context if child.validator != "type"] or list(error.context)
        error = jsonschema.exceptions.best_match(candidates)
    return error


def unexpected_key(error):
    """The first key an additionalProperties error complains about, so the line points at that key."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return None
    known = error.schema.get("properties", {})
    return next((key for key in error.instance if key not in known), None)


def line_of(node, path):
    """The line of the YAML node that a JSON Schema error path points at (the closest one that exists)."""
    line = node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = [value for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == step]
            if not match:
                break
            key = next(key for key, value in node.value if value is match[0])
            node, line = match[0], key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def check_repository(root, validator):
    """Checks one repository; returns the number of files with problems."""
    files = yaml_files(root)
    loaded = {relative: load(root / relative) for relative in files}
    excludes = []
    for relative, (documents, _) in loaded.items():
        for _, data in documents:
            if isinstance(data, dict) and data.get("kind") == "Settings" and isinstance(data.get("exclude"), list):
                for pattern in data["exclude"]:
                    try:
                        excludes.append(glob_to_regex(str(pattern)))
                    except ValueError as error:
                        loaded[relative][1].append((0, str(error)))
    failed = 0
    for relative in files:
        shown = (root / relative).as_posix()
        if any(pattern.match(relative) for pattern in excludes):
            print(f"skip {shown} (excluded by Settings)")
            continue
        documents, problems = loaded[relative]
        problems = list(problems)
        for index, (node, data) in enumerate(documents, start=1):
            for error in validator.iter_errors(data):
                error = most_specific(error)
                path = list(error.absolute_path)
                extra = unexpected_key(error)
                if extra is not None:
                    path.append(extra)
                where = "/".join(str(step) for step in error.absolute_path) or "(document)"
                problems.append((line_of(node, path), f"document {index}: {where}: {error.message}"))
        problems = sorted(set(problems), key=lambda item: item[0])
        if problems:
            failed += 1
            print(f"FAIL {shown} ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
            for line, message in problems:
                print(f"    {shown}:{line}: {message}")
        else:
            print(f"ok   {shown} ({len(documents)} document{'s' if len(documents) != 1 else ''})")
    return failed


def main():
    default_schema = Path(__file__).resolve().parent.parent / "specs" / "mosc-v1.schema.json"
    parser = argparse.ArgumentParser(description="Validate mosc policy YAML against the JSON Schema.")
    parser.add_argument("--schema", type=Path, default=default_schema, help="the JSON Schema (default: %(default)s)")
    parser.add_argument("folders", nargs="+", type=Path, help="policy repositories to check")
    arguments = parser.parse_args()

    schema = json.loads(arguments.schema.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    failed = 0
    for folder in arguments.folders:
        if not folder.is_dir():
            print(f"check-json-schema: '{folder}' is not a folder", file=sys.stderr)
            return 2
        failed += check_repository(folder, validator)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
