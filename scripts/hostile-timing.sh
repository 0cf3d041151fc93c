#!/usr/bin/env bash
# Times `mosc validate` (release build) on a generated corpus of hostile inputs, one repository per file, and
# prints a table: size, exit status, wall time, peak memory and the diagnostic codes (with counts).
# A measurement, not a test: the bounds themselves are tested by their diagnostics
# (Tests/ManagedOSTests/Robustness/).
#   scripts/hostile-timing.sh            corpus in .build-hostile/corpus/
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product mosc >/dev/null
mosc=$(swift build -c release --show-bin-path)/mosc
corpus=.build-hostile/corpus
rm -rf "$corpus"
mkdir -p "$corpus"

python3 - "$corpus" <<'PY'
import os, random, sys
root = sys.argv[1]
head = "apiVersion: mosc/v1\nkind: Cohort\nname: a\nplatform: macOS\n"
MiB = 1 << 20

def write(name, data):
    folder = os.path.join(root, name)
    os.makedirs(folder)
    with open(os.path.join(folder, name + ".yaml"), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

laughs = head + 'l0: &l0 [' + ",".join(['"lol"'] * 10) + "]\n"
for i in range(1, 10):
    laughs += f"l{i}: &l{i} [" + ",".join([f"*l{i-1}"] * 10) + "]\n"
write("billion-laughs", laughs)
depth = (MiB - 200) // 2
write("nesting-1mib-flow", head + "description: " + "[" * depth + "]" * depth + "\n")
write("nesting-1mib-block", head + "".join("  " * min(i, 400) + f"k{i}:\n" for i in range(20000))[: MiB - 200])
write("deep-flow-mappings", head + "description: " + "{a: [" * 60 + "]}" * 60 + "\n")
write("scalar-1mib", head + "description: " + "x" * (MiB - 200) + "\n")
write("scalar-1mib-quoted", head + 'description: "' + "\\u00e9" * ((MiB - 200) // 6) + '"\n')
cohorts = "---\n".join(f"apiVersion: mosc/v1\nkind: Cohort\nname: c{i}\nplatform: macOS\nosVersions: \">=14.0\"\n" for i in range(1000))
write("documents-1000", cohorts)
write("documents-200k-empty", "---\n" * 200000)
write("nodes-500k", head + "description: [" + ",".join(["a"] * 500000) + "]\n")
random.seed(7)
write("random-bytes-1mib", bytes(random.getrandbits(8) for _ in range(MiB - 10)))
write("long-lines", head + "".join("# " + "y" * 100000 + "\n" for _ in range(10)))
write("long-line-plain-key", "k" * (MiB - 100) + ": v\n")
write("too-large-20mib", head + "# " + "z" * (20 * MiB) + "\n")
zones = "---\n".join(
    f"apiVersion: mosc/v1\nkind: Cohort\nname: c{i}\nplatform: macOS\nosVersions: \">=13.0\"\n---\n"
    f"apiVersion: mosc/v1\nkind: ManagedOSPolicy\nname: p{i}\nplatform: macOS\ntarget: {{version: \"15.7.9\"}}\n"
    f"deadline: \"2026-12-15T17:00\"\nlegacy: {{timeZone: Europe/Munich{i}}}\ncohorts: [c{i}]\n"
    for i in range(490))
write("bad-time-zones-490", zones)
refs = "---\n".join(f"apiVersion: mosc/v1\nkind: Cohort\nname: c{i}\nplatform: macOS\nosVersions: \">=14.0\"\n" for i in range(999))
refs += "---\napiVersion: mosc/v1\nkind: ManagedOSPolicy\nname: p\nplatform: macOS\ntarget: {version: \"15.7.9\"}\n"
refs += "deadline: \"2026-12-15T17:00\"\ncohorts: [" + ", ".join(f"c{i}" for i in range(999)) + "]\n"
write("cohorts-999-in-one-policy", refs)
PY

printf '%-28s %10s %5s %8s %11s  %s\n' file bytes exit seconds max-RSS-KB codes
for folder in "$corpus"/*/; do
    name=$(basename "$folder")
    file="$folder$name.yaml"
    bytes=$(wc -c <"$file")
    set +e
    /usr/bin/time -f '%e %M' -o .build-hostile/time.txt \
        "$mosc" validate "$folder" --now 2026-11-25T12:00:00Z --format json >.build-hostile/out.json 2>/dev/null
    status=$?
    set -e
    # The last line: GNU time puts "Command exited with non-zero status" before it.
    read -r seconds rss < <(tail -n 1 .build-hostile/time.txt)
    codes=$(grep -o '"code" : "MOS[0-9]*"' .build-hostile/out.json | grep -o 'MOS[0-9]*' | sort | uniq -c |
        awk '{printf "%s%s×%s", (NR > 1 ? "," : ""), $2, $1}' || true)
    printf '%-28s %10s %5s %8s %11s  %s\n' "$name" "$bytes" "$status" "$seconds" "$rss" "${codes:--}"
done
