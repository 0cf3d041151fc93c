#!/usr/bin/env python3
"""Validate's (or compile's) wall time, CPU time and peak RSS for several mosc builds next to the libyaml floor,
in shuffled rounds.

    python3 Benchmarks/interleave.py --floor .build-bench/yaml-floor --corpus .build-bench/corpus/5k \
        --rounds 60 /tmp/mosc-before .build/release/mosc
    python3 Benchmarks/interleave.py --floor .build-bench/yaml-floor --corpus .build-bench/corpus/5k \
        --rounds 15 --compile /dev/shm/mosc-out /tmp/mosc-before .build/release/mosc

Each round runs the floor and every build once, in a new random order, so neither a change of load on the shared
host nor a fixed position after another command (a compile that filled the page cache, say) falls on one build
only. Prints each command's median wall time, median CPU time (user + system, from the children's rusage) and
the ratio of its median to the floor's, and its median peak RSS (GNU time). run.sh times the whole pipeline in a
fixed order, a few rounds; this times one command, for before/after comparisons too close for that to tell apart.
With --compile OUT each build compiles into OUT (removed after every run; tmpfs keeps the disk out of it).
"""
import argparse
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

NOW = "2026-11-25T12:00:00Z"  # the harness's --now: the corpora's deadlines are judged against it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--floor", required=True, help="the yaml-floor binary (run.sh builds it)")
    parser.add_argument("--corpus", required=True, help="a folder of policies, e.g. .build-bench/corpus/5k")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--compile", metavar="OUT", help="time `mosc compile --out OUT` instead of validate")
    parser.add_argument("mosc", nargs="+", help="mosc binaries to time")
    args = parser.parse_args()

    job = ["compile", args.corpus, "--out", args.compile] if args.compile else ["validate", args.corpus]
    commands = {"floor": [args.floor, args.corpus]}
    for binary in args.mosc:
        commands[binary] = [binary, *job, "--now", NOW]
    wall = {name: [] for name in commands}
    cpu = {name: [] for name in commands}
    rss = {name: [] for name in commands}
    with tempfile.NamedTemporaryFile() as peak:
        def run(command: list[str]) -> None:
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak.name, *command],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        for command in commands.values():  # warm the page cache and the binaries
            run(command)
            if args.compile:
                shutil.rmtree(args.compile, ignore_errors=True)
        for _ in range(args.rounds):
            order = list(commands)
            random.shuffle(order)
            for name in order:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                run(commands[name])
                end = time.perf_counter()
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                wall[name].append((end - start) * 1000)
                cpu[name].append(
                    (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
                with open(peak.name) as text:
                    rss[name].append(int(text.read().split()[-1]) / 1024)
                if args.compile:  # outside the timing: removing 87,000 files is not mosc's work
                    shutil.rmtree(args.compile, ignore_errors=True)
    floor = statistics.median(wall["floor"])
    print(f"{args.rounds} rounds of {job[0]} over {args.corpus}")
    for name in commands:
        median = statistics.median(wall[name])
        print(f"{name:45s} wall {median:7.1f} ms   cpu {statistics.median(cpu[name]):7.1f} ms   "
              f"{median / floor:.2f}x floor   peak RSS {statistics.median(rss[name]):6.1f} MB")


if __name__ == "__main__":
    main()
