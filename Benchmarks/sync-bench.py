#!/usr/bin/env python3
"""Requests and wall time of `mosc sync` against the mock server (Tests/MockMDM/mock_mdm.py, without its
per-write checks): a first sync onto an empty server, a no-op sync, and a sync after one policy changed, for the
1k and 10k corpora of Benchmarks/generate-corpus.py. A harness that prints figures, not a test.

    python3 Benchmarks/sync-bench.py [--sizes 1k,10k] [--mosc PATH] [--concurrency 6]

Builds mosc in release mode unless --mosc is given. Two devices per cohort (one per path in a mixed cohort), with
an osVersion, so every device is routed. --now is the corpus's 2026-11-25T12:00:00Z: the legacy publish steps are
due, so the first sync also enqueues commands.
"""

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build-bench")
NOW = "2026-11-25T12:00:00Z"
KEY = "bench-key"
COUNTS = {"1k": 1000, "10k": 10000, "100k": 100000}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def corpus(size, changed):
    name = f"{size}-changed" if changed else size
    out = os.path.join(BENCH, "sync", "corpus", name)
    if not os.path.isdir(out):
        flags = ["--change"] if changed else []
        run([sys.executable, os.path.join(ROOT, "Benchmarks/generate-corpus.py"), "--policies", str(COUNTS[size]),
             "--seed", "9", "--out", out] + flags, stdout=subprocess.DEVNULL)
    return out


def compiled(mosc, source, out):
    if os.path.isdir(out):
        shutil.rmtree(out)
    run([mosc, "compile", source, "--out", out, "--now", NOW], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return out


def lowest(range_text):
    match = re.search(r">=\s*([0-9.]+)", range_text or "")
    return match.group(1) if match else "15.0"


def devices(compiled_dir, path):
    manifest = json.load(open(os.path.join(compiled_dir, "manifest.json")))
    rows = 0
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cohort", "serial", "udid", "osVersion"])
        for name, cohort in sorted(manifest["cohorts"].items()):
            routing = cohort["routing"]
            versions = []
            if "ddm" in cohort["paths"]:
                versions.append(lowest(routing.get("ddm")))
            if "legacy" in cohort["paths"]:
                versions.append(lowest(routing.get("legacy")))
            for index in range(2):
                version = versions[index % len(versions)]
                writer.writerow([name, f"S{rows:07d}", f"UDID-{rows:07d}", version])
                rows += 1
    return rows


def start_mock():
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "Tests/MockMDM/mock_mdm.py"), "--mode", "nanohub", "--key", KEY,
         "--no-invariants", "--lifetime", "7200"],
        stdout=subprocess.PIPE, text=True)
    port = int(process.stdout.readline().split()[1])
    return process, f"http://127.0.0.1:{port}"


def sync(mosc, source, url, devices_csv, state, concurrency, allow):
    started = time.monotonic()
    result = subprocess.run(
        [mosc, "sync", "nanohub", source, "--url", url, "--devices", devices_csv, "--state-dir", state, "--now", NOW,
         "--format", "json", "--concurrency", str(concurrency), "--allow-removals", str(allow)],
        env={**os.environ, "MOSC_API_KEY": KEY}, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"mosc sync failed ({result.returncode}): {result.stderr[-2000:]}")
    document = json.loads(result.stdout)
    plan = document["plan"]
    writes = (len(plan["added"]) + len(plan["changed"]) + len(plan["removed"]))
    return document["requests"], elapsed, writes, document["enqueued"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1k,10k")
    parser.add_argument("--mosc")
    parser.add_argument("--concurrency", type=int, default=6)
    args = parser.parse_args()
    mosc = args.mosc
    if not mosc:
        run(["swift", "build", "-c", "release", "--product", "mosc"], cwd=ROOT, stdout=subprocess.DEVNULL)
        mosc = os.path.join(ROOT, ".build/release/mosc")
    rows = []
    for size in args.sizes.split(","):
        work = os.path.join(BENCH, "sync", size)
        os.makedirs(work, exist_ok=True)
        base = compiled(mosc, corpus(size, False), os.path.join(work, "base"))
        head = compiled(mosc, corpus(size, True), os.path.join(work, "changed"))
        devices_csv = os.path.join(work, "devices.csv")
        count = devices(base, devices_csv)
        cohorts = len(json.load(open(os.path.join(base, "manifest.json")))["cohorts"])
        state = os.path.join(work, "state")
        shutil.rmtree(state, ignore_errors=True)
        mock, url = start_mock()
        try:
            for label, source in [("first sync", base), ("no-op sync", base), ("one-policy change", head)]:
                requests, seconds, changed, enqueued = sync(
                    mosc, source, url, devices_csv, state, args.concurrency, 10**9)
                rows.append((size, cohorts, count, label, requests, seconds, changed, enqueued))
                print(f"{size}: {label}: {requests} requests, {seconds:.2f} s", file=sys.stderr)
        finally:
            mock.terminate()
            mock.wait()
    print(f"| corpus | cohorts | devices | sync | requests | wall time | declarations written | commands enqueued |")
    print("|---|---|---|---|---|---|---|---|")
    for size, cohorts, count, label, requests, seconds, changed, enqueued in rows:
        print(f"| {size} | {cohorts} | {count} | {label} | {requests} | {seconds:.2f} s | {changed} | {enqueued} |")


if __name__ == "__main__":
    main()
