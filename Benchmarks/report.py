#!/usr/bin/env python3
"""Turns the harness's raw results (hyperfine JSON, peak RSS, input bytes) into the Markdown table and targets.

    python3 Benchmarks/report.py .build-bench/results 1k 10k 100k
"""

import glob
import json
import os
import statistics
import sys


def load(results, size):
    # One hyperfine JSON per round (`<size>-round<k>.json`); every command's times over all rounds.
    paths = sorted(glob.glob(os.path.join(results, f"{size}-round*.json")))
    if not paths:
        return None
    times, user, system, rounds = {}, {}, {}, {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f)["results"]:
                times.setdefault(r["command"], []).extend(r["times"])
                rounds.setdefault(r["command"], []).append(statistics.median(r["times"]))
                user.setdefault(r["command"], []).append(r["user"])
                system.setdefault(r["command"], []).append(r["system"])
    rss = {}
    with open(os.path.join(results, f"{size}-rss.tsv")) as f:
        for line in f:
            name, kb = line.rstrip("\n").split("\t")
            rss[name] = int(kb or 0) * 1024
    with open(os.path.join(results, f"{size}-bytes.txt")) as f:
        size_bytes = int(f.read())
    with open(os.path.join(results, f"{size}-outfiles.txt")) as f:
        out_files = int(f.read())
    return {"median": {n: statistics.median(t) for n, t in times.items()}, "rss": rss, "bytes": size_bytes,
            "outfiles": out_files, "rounds": rounds,
            "user": {n: statistics.median(t) for n, t in user.items()},
            "system": {n: statistics.median(t) for n, t in system.items()}}


def ratio(d, name, base):
    """`name`'s time over `base`'s: the median of the ratios within each round when both ran in every round (two
    commands timed seconds apart see the same load; load changes between rounds then cancels out), else the
    ratio of the medians."""
    a, b = d["rounds"].get(name, []), d["rounds"].get(base, [])
    # hyperfine reports 0 ms for a command faster than its timer under load (tiny corpora): such a round has no
    # ratio, and a zero median gives NaN ("nan" in the table) rather than stopping the report.
    pairs = [(x, y) for x, y in zip(a, b) if y > 0]
    if len(a) == len(b) and len(pairs) > 1:
        return statistics.median(x / y for x, y in pairs)
    base_median = d["median"][base]
    return d["median"][name] / base_median if base_median > 0 else float("nan")


def load_linear(results):
    """Per-round times of the linearity rounds (`linear-round<k>.json`: 10k and 100k side by side), or None."""
    paths = sorted(glob.glob(os.path.join(results, "linear-round*.json")))
    if not paths:
        return None
    rounds = {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f)["results"]:
                rounds.setdefault(r["command"], []).append(statistics.median(r["times"]))
    return rounds


def growth(linear, name):
    """The median over the linearity rounds of `name`'s 100k time over its 10k time in the same round."""
    return statistics.median(b / a for a, b in zip(linear[f"{name} 10k"], linear[f"{name} 100k"]))


def input_bytes(name, d):
    """The YAML a command reads: `diff` of policies reads two repositories (the corpus and its changed copy)."""
    return 2 * d["bytes"] if name == "mosc diff (policies)" else d["bytes"]


def mb(n):
    return f"{n / 1e6:.1f} MB"


def main():
    results, sizes = sys.argv[1], sys.argv[2:]
    data = {s: load(results, s) for s in sizes}
    data = {s: d for s, d in data.items() if d}
    print("Medians over interleaved rounds of hyperfine runs (warm page cache). Ratios: `mosc validate` and the Python alternative to the")
    print("floor; `mosc compile` to floor + `cp -r` of its output; `mosc diff` and the tree floor (the same files")
    print("written with nothing computed) to one `mosc compile`. RSS / input:")
    print("`mosc diff (policies)` reads two repositories (twice the bytes); `mosc diff (compiled)` reads two output")
    print("trees, so its ratio to the YAML is shown for scale only.")
    print()
    for size, d in data.items():
        m = d["median"]
        print(f"## {size} policies: {mb(d['bytes'])} of YAML in, {d['outfiles']} files out")
        print()
        print("| command | median | ratio | peak RSS | RSS / input |")
        print("|---|---:|---:|---:|---:|")
        for name, t in m.items():
            base = None
            if name in ("mosc validate", "floor + cp -r", "cp -r", "python alternative"):
                base, label = "floor", "floor"
            if name.startswith("mosc validate (") or name == "python alternative":
                base, label = "floor", "floor"
            if name.startswith("mosc compile"):
                base, label = "floor + cp -r", "floor + cp"
            if name == "tree floor":
                base, label = "mosc compile", "compile"
            if name.startswith("mosc diff"):
                base, label = "mosc compile", "compile"
            shown = f"{ratio(d, name, base):.2f}× {label}" if base in m else "—"
            rss = d["rss"].get(name, 0)
            memory = f"{mb(rss)} | {rss / input_bytes(name, d):.1f}×" if rss else "— | —"
            print(f"| {name} | {t * 1000:.0f} ms | {shown} | {memory} |")
        if "python alternative" in m and "mosc compile" in m:
            print()
            print(f"mosc compile is {ratio(d, 'python alternative', 'mosc compile'):.1f}× faster than the Python alternative.")
        for name in ("mosc validate", "mosc compile"):
            if f"{name} (before)" in m:
                print(f"{name}: {ratio(d, f'{name} (before)', name):.2f}× faster than before the fixes.")
        print()

    print("## Targets")
    print()
    print("| target | measured | verdict |")
    print("|---|---:|---|")
    mid = "10k" if "10k" in data else next(iter(data), None)
    if mid is None:
        return

    def row(target, value, limit, higher_is_better=False):
        if value is None:
            print(f"| {target} | — | not measured |")
            return
        ok = value >= limit if higher_is_better else value <= limit
        print(f"| {target} | {value:.2f} | {'met' if ok else '**missed**'} |")

    d = data[mid]
    m = d["median"]
    row(f"validate ≤ 2× floor ({mid})", ratio(d, "mosc validate", "floor"), 2)
    if "floor + cp -r" in m:
        row(f"compile ≤ 2× (floor + cp -r) ({mid})", ratio(d, "mosc compile", "floor + cp -r"), 2)
    diffs = [n for n in m if n.startswith("mosc diff")]
    for name in diffs:
        row(f"{name} ≤ 2.5× compile ({mid})", ratio(d, name, "mosc compile"), 2.5)
    if not diffs:
        print(f"| diff ≤ 2.5× compile ({mid}) | — | not measured: `mosc diff` does not exist yet |")
    alt = m.get("python alternative")
    row(f"compile ≥ 10× faster than the alternative ({mid})", ratio(d, "python alternative", "mosc compile") if alt else None, 10, True)
    linear = load_linear(results)
    if "10k" in data and "100k" in data:
        a, b = data["10k"], data["100k"]
        for name in ["mosc validate", "mosc compile"] + diffs:
            if name not in b["median"] or name not in a["median"]:
                continue
            if linear and f"{name} 100k" in linear:
                # From the rounds that ran both sizes side by side.
                row(f"{name}: time 100k / 10k ≤ 11 (side by side, {len(linear[f'{name} 100k'])} rounds)",
                    growth(linear, name), 11)
            else:
                row(f"{name}: time 100k / 10k ≤ 11", b["median"][name] / a["median"][name], 11)
            if b["rss"].get(name) and a["rss"].get(name):
                row(f"{name}: peak RSS 100k / 10k ≤ 11", b["rss"][name] / a["rss"][name], 11)
        for floor in ("floor", "tree floor"):
            if linear and f"{floor} 100k" in linear:
                print(f"| {floor} (the same work, nothing else): time 100k / 10k, side by side | {growth(linear, floor):.2f} | for reference |")
    for size, d in data.items():
        for name in ["mosc validate", "mosc compile", "mosc diff (policies)"]:
            if d["rss"].get(name):
                row(f"{name}: peak RSS ≤ 10× input ({size})", d["rss"][name] / input_bytes(name, d), 10)
    if "10k" in data and "100k" in data:
        a, b = data["10k"], data["100k"]
        names = [n for n in ("floor", "mosc validate", "mosc compile", "tree floor") if n in a["median"] and n in b["median"]]
        if names:
            print()
            print("Where the time grows, 10k → 100k (medians over rounds; user and system are CPU seconds on all cores):")
            print()
            print("| command | wall 100k / 10k | user 100k / 10k | system 100k / 10k |")
            print("|---|---:|---:|---:|")
            for name in names:
                ratios = [b[k][name] / a[k][name] if a[k][name] else float("nan") for k in ("median", "user", "system")]
                print(f"| {name} | {ratios[0]:.2f} | {ratios[1]:.2f} | {ratios[2]:.2f} |")
            print()
    empty = os.path.join(results, "empty-rss.txt")
    if os.path.exists(empty):
        with open(empty) as f:
            fixed = int(f.read().split()[-1]) * 1024
        print()
        print(f"Fixed cost: `mosc validate` of an empty folder peaks at {mb(fixed)} (the runtime, Foundation, the bundled")
        print("catalog and Apple schema). Peak RSS above it, per byte of input:")
        print()
        for size, d in data.items():
            parts = [f"{name} {(d['rss'][name] - fixed) / d['bytes']:.1f}×" for name in ["mosc validate", "mosc compile"]
                     if d["rss"].get(name)]
            print(f"- {size}: " + ", ".join(parts))


if __name__ == "__main__":
    main()
