#!/usr/bin/env python3
"""The alternative: the script an admin writes today instead of mosc, for the benchmarks only.

    python3 Benchmarks/alternative/compile.py REPO --out DIR --now 2026-11-25T12:00:00Z

It does mosc compile's job the usual way: PyYAML's C loader (yaml.CSafeLoader) into dicts, the checks that are
easy on dicts, then json.dump of the same declarations (and plistlib for the commands) into the same layout
(cohorts/<cohort>/ddm/…, cohorts/<cohort>/legacy/…, manifest.json), written to a staging folder and renamed.

What it leaves out, compared with mosc (so the comparison favours this script):
- positions: PyYAML's loader drops marks, so problems are reported per file and name, without line and column;
- YAML traps: duplicate keys (PyYAML keeps the last silently), unquoted versions read as floats (15.10 → 15.1),
  yes/no/on/off read as booleans, anchors, aliases and tags are all accepted as they come;
- input limits (file size, depth, node count) and invalid UTF-8 positions;
- Apple's schema gates per OS version (install actions, MaxUserDeferrals, Priority, settings keys per platform
  and enrollment), the ProductKey fallback below macOS 12, and identifier shortening above 64 octets;
- DST gaps and overlaps (zoneinfo picks one instant silently), the exploited-vulnerability and
  deadline-before-release catalog checks, "did you mean" suggestions;
- the legacy plan's verify/failure policy details and omitted[] reasons: the plan lists the same steps and
  commands with their instants, but fewer explanatory fields.
"""

import argparse
import datetime as dt
import fnmatch
import hashlib
import json
import os
import plistlib
import re
import shutil
import sys
from zoneinfo import ZoneInfo

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CATALOG = os.path.join(ROOT, "Sources/MOSDomain/Catalog/Data/catalog.tsv")
NAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
VERSION = re.compile(r"^\d+\.\d+(\.\d+)?$")
WALL = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
KEYS = {
    "Settings": {"apiVersion", "kind", "identifierPrefix", "minimumNotice", "exclude", "skipDays"},
    "Cohort": {"apiVersion", "kind", "name", "platform", "description", "osVersions", "enrollment"},
    "ManagedOSPolicy": {"apiVersion", "kind", "name", "platform", "description", "target", "deadline",
                        "detailsURL", "legacy", "settings", "skipDays", "cohorts"},
}
REQUIRED = {"Cohort": {"name", "platform"}, "ManagedOSPolicy": {"name", "platform", "target", "deadline", "cohorts"}}
PLATFORMS = {"macOS", "iOS", "iPadOS", "tvOS", "visionOS"}
THRESHOLD = {"macOS": (14, 0), "iOS": (17, 0), "iPadOS": (17, 0), "tvOS": (18, 4), "visionOS": (26, 0)}
FLOOR = {"macOS": (11, 0), "iOS": (15, 0), "iPadOS": (15, 0), "tvOS": (15, 0), "visionOS": (1, 0)}
SETTINGS_GATE = {"macOS": (15, 0), "iOS": (18, 0), "iPadOS": (18, 0), "tvOS": (18, 4), "visionOS": (26, 0)}
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
ENFORCEMENT = "com.apple.configuration.softwareupdate.enforcement.specific"
SETTINGS_TYPE = "com.apple.configuration.softwareupdate.settings"
ACTIVATION = "com.apple.activation.simple"


def vtuple(text):
    return tuple(int(p) for p in text.split("."))


def read_catalog():
    releases = {}
    with open(CATALOG, encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "mosc-os-catalog", "bsi\t")):  # bsi: Background Security Improvements
                continue
            platform, version, builds, released, _, _ = line.rstrip("\n").split("\t")
            # An empty date is one the catalog does not trust (format 2); nothing is judged by it.
            releases[(platform, version)] = (
                [b for b in builds.split(",") if b], dt.date.fromisoformat(released) if released else None)
    return releases


def parse_range(text, platform):
    low, high = FLOOR[platform], (999,)
    for part in (text or "").split():
        op, version = re.match(r"^(>=|>|<=|<)(\d+(?:\.\d+){0,2})$", part).groups()
        v = vtuple(version)
        if op in (">=", ">"):
            low = max(low, v)
        else:
            high = min(high, v)
    return low, high


def duration(text):
    m = re.match(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$", text or "")
    if not m or not text:
        raise ValueError(f"bad duration {text!r}")
    d, h, mi = (int(x or 0) for x in m.groups())
    return dt.timedelta(days=d, hours=h, minutes=mi)


def dump(value):
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def uuid(text):
    h = sha(text)[:32].upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


class Problems(list):
    def add(self, where, message):
        self.append(f"{where}: error: {message}")


def load(repo, problems):
    documents = []
    for folder, subfolders, names in os.walk(repo):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as f:
                    for doc in yaml.load_all(f, Loader=yaml.CSafeLoader):
                        documents.append((os.path.relpath(path, repo), doc))
            except yaml.YAMLError as error:
                problems.add(path, f"YAML: {error}")
    settings = [d for _, d in documents if isinstance(d, dict) and d.get("kind") == "Settings"]
    globs = settings[0].get("exclude", []) if settings else []
    return [(p, d) for p, d in documents if not any(fnmatch.fnmatch(p, g.replace("**", "*")) for g in globs)]


def check(documents, now, catalog, problems):
    settings, cohorts, policies = {}, {}, {}
    for path, doc in documents:
        if not isinstance(doc, dict):
            problems.add(path, "document is not a mapping")
            continue
        if doc.get("apiVersion") != "mosc/v1":
            problems.add(path, "apiVersion must be mosc/v1")
        kind = doc.get("kind")
        if kind not in KEYS:
            problems.add(path, f"unknown kind {kind!r}")
            continue
        for key in set(doc) - KEYS[kind]:
            problems.add(path, f"unknown key {key!r}")
        for key in REQUIRED.get(kind, set()) - set(doc):
            problems.add(path, f"missing key {key!r}")
        if kind == "Settings":
            settings = doc
            continue
        name = doc.get("name", "")
        if not isinstance(name, str) or not NAME.match(name):
            problems.add(path, f"bad name {name!r}")
        if doc.get("platform") not in PLATFORMS:
            problems.add(path, f"bad platform {doc.get('platform')!r}")
        table = cohorts if kind == "Cohort" else policies
        if name in table:
            problems.add(path, f"{kind} {name!r} is defined twice")
        table[name] = (path, doc)

    notice = duration(settings.get("minimumNotice", "72h"))
    skip = {DAYS.index(d) for d in settings.get("skipDays", [])}
    classes = {}
    for name, (path, cohort) in cohorts.items():
        platform = cohort.get("platform")
        if platform not in PLATFORMS:
            continue
        low, high = parse_range(cohort.get("osVersions"), platform)
        if low >= high:
            problems.add(path, f"cohort {name!r}: empty osVersions range")
        t = THRESHOLD[platform]
        classes[name] = (low >= t, low < t, low, high)
        if cohort.get("enrollment", "supervised") not in ("supervised", "device", "user"):
            problems.add(path, "bad enrollment")

    enforced = {}
    plans = []
    for name, (path, policy) in policies.items():
        platform = policy.get("platform")
        target = policy.get("target") or {}
        version = str(target.get("version", ""))
        if version.startswith("latest"):
            major = version[7:]
            found = [v for (p, v) in catalog if p == platform and (not major or v.split(".")[0] == major)]
            if not found:
                problems.add(path, f"{version} matches no release")
                continue
            version = max(found, key=vtuple)
        elif not VERSION.match(version) or (platform, version) not in catalog:
            problems.add(path, f"{platform} {version} is not an Apple release")
            continue
        builds, released = catalog[(platform, version)]
        build = target.get("build")
        if build is not None and build not in builds:
            problems.add(path, f"build {build!r} is not a build of {version}")
        zone_name = (policy.get("legacy") or {}).get("timeZone")
        zone = None
        if zone_name:
            try:
                zone = ZoneInfo(zone_name)
            except Exception:
                problems.add(path, f"{zone_name!r} is not a time zone")

        def wall(value):
            if isinstance(value, dict):
                if released is None:
                    raise ValueError(f"the catalog does not know when {platform} {version} shipped")
                day = released + dt.timedelta(days=duration(value["afterRelease"]).days)
                while day.weekday() in skip:
                    day += dt.timedelta(days=1)
                hh, mm = value["time"].split(":")
                return dt.datetime(day.year, day.month, day.day, int(hh), int(mm))
            if not isinstance(value, str) or not WALL.match(value):
                raise ValueError(f"bad deadline {value!r}")
            return dt.datetime.fromisoformat(value)

        try:
            default = wall(policy.get("deadline"))
        except (ValueError, KeyError) as error:
            problems.add(path, str(error))
            continue
        previous = None
        any_legacy = False
        for ring, item in enumerate(policy.get("cohorts") or []):
            cohort_name = item if isinstance(item, str) else item.get("cohort")
            if cohort_name not in cohorts:
                problems.add(path, f"unknown cohort {cohort_name!r}")
                continue
            cohort = cohorts[cohort_name][1]
            if cohort.get("platform") != platform:
                problems.add(path, f"cohort {cohort_name!r} is not {platform}")
            if cohort_name in enforced:
                problems.add(path, f"cohort {cohort_name!r} is already enforced by {enforced[cohort_name]!r}")
            enforced[cohort_name] = name
            try:
                deadline = wall(item["deadline"]) if isinstance(item, dict) and "deadline" in item else default
            except (ValueError, KeyError) as error:
                problems.add(path, str(error))
                continue
            if deadline - dt.timedelta(hours=14) < now.replace(tzinfo=None) + notice:
                problems.add(path, f"deadline {deadline} leaves less than {notice} of notice")
            if previous and deadline < previous:
                problems.add(path, f"ring {ring + 1} precedes ring {ring}")
            previous = deadline
            has_ddm, has_legacy, low, high = classes[cohort_name]
            any_legacy = any_legacy or has_legacy
            if has_ddm and vtuple(version) < THRESHOLD[platform]:
                problems.add(path, f"target {version} is below the DDM threshold")
            plans.append(dict(cohort=cohort_name, cohort_doc=cohort, policy=name, ring=ring, platform=platform,
                              version=version, build=build, deadline=deadline, zone=zone, zone_name=zone_name,
                              legacy=policy.get("legacy") or {}, settings=policy.get("settings"),
                              url=policy.get("detailsURL"), cls=classes[cohort_name]))
        if any_legacy and not zone_name:
            problems.add(path, "legacy.timeZone is required: some cohorts hold pre-DDM devices")
        if zone_name and not any_legacy:
            problems.add(path, "legacy.timeZone on a policy whose cohorts are all DDM-only")
    for name, (path, _) in cohorts.items():
        if name not in enforced:
            problems.add(path, f"no policy enforces cohort {name!r}")
    return settings, plans


def camel_to_apple(value):
    if isinstance(value, dict):
        return {k[0].upper() + k[1:]: camel_to_apple(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camel_to_apple(v) for v in value]
    return value


def declaration(kind, identifier, payload):
    body = {"Identifier": identifier, "Payload": payload, "Type": kind}
    body["ServerToken"] = sha(json.dumps(body, sort_keys=True, separators=(",", ":")))
    return body


def emit(settings, plans, now, all_files):
    prefix = settings.get("identifierPrefix", "mosc")
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = {"formatVersion": 1, "generator": "compile.py", "now": stamp, "cohorts": {}}
    for plan in plans:
        c, low, high = plan["cohort"], plan["cls"][2], plan["cls"][3]
        has_ddm, has_legacy = high > THRESHOLD[plan["platform"]], low < THRESHOLD[plan["platform"]]
        base = f"cohorts/{c}"
        files = {}  # this cohort's files; merged into all_files below
        artifacts = []
        entry = {"policy": plan["policy"], "ring": plan["ring"], "platform": plan["platform"],
                 "targetVersion": plan["version"], "deadline": plan["deadline"].isoformat()}
        if has_ddm:
            ident = f"{prefix}.{plan['policy']}.{c}"
            payload = {"TargetOSVersion": plan["version"], "TargetLocalDateTime": plan["deadline"].isoformat()}
            if plan["build"]:
                payload["TargetBuildVersion"] = plan["build"]
            if plan["url"]:
                payload["DetailsURL"] = plan["url"]
            configs = [declaration(ENFORCEMENT, f"{ident}.enforcement", payload)]
            if plan["settings"] and plan["cls"][3] > SETTINGS_GATE[plan["platform"]]:
                configs.append(declaration(SETTINGS_TYPE, f"{ident}.settings", camel_to_apple(plan["settings"])))
            activation = declaration(ACTIVATION, f"{ident}.activation",
                                     {"StandardConfigurations": sorted(d["Identifier"] for d in configs)})
            for d in configs + [activation]:
                files[f"{base}/ddm/declarations/{d['Identifier']}.json"] = dump(d)
            item = lambda d: {"Identifier": d["Identifier"], "ServerToken": d["ServerToken"]}
            token = sha("\n".join(sorted(f"{d['Identifier']}\0{d['ServerToken']}" for d in configs + [activation])))
            files[f"{base}/ddm/declaration-items.json"] = dump({"Declarations": {
                "Activations": [item(activation)], "Configurations": [item(d) for d in configs], "Assets": [],
                "Management": []}, "DeclarationsToken": token})
            tokens = {"SyncTokens": {"DeclarationsToken": token, "Timestamp": stamp}}
            files[f"{base}/ddm/tokens.json"] = dump(tokens)
            data = json.dumps(tokens, sort_keys=True, separators=(",", ":")).encode()
            files[f"{base}/ddm/declarative-management.plist"] = plistlib.dumps(
                {"CommandUUID": uuid(f"ddm|{c}|{data}"), "Command": {"RequestType": "DeclarativeManagement",
                                                                      "Data": data}})
            files[f"{base}/ddm/set.txt"] = "\n".join(sorted(d["Identifier"] for d in configs + [activation])) + "\n"
            entry["declarationsToken"] = token
        if has_legacy and plan["zone"]:
            zone, legacy = plan["zone"], plan["legacy"]
            enforce = plan["deadline"].replace(tzinfo=zone)
            download = enforce - duration(legacy.get("downloadLeadTime", "3d"))
            update = {"InstallAction": legacy.get("installAction", "InstallASAP"), "ProductVersion": plan["version"]}
            for key, apple in (("maxUserDeferrals", "MaxUserDeferrals"), ("priority", "Priority")):
                if key in legacy:
                    update[apple] = legacy[key]
            commands = []
            if plan["platform"] == "macOS":
                commands.append(("publish", "ScheduleOSUpdateScan", {"Force": True}))
            commands += [("publish", "AvailableOSUpdates", {}),
                         ("download", "ScheduleOSUpdate",
                          {"Updates": [{"InstallAction": "DownloadOnly", "ProductVersion": plan["version"]}]}),
                         ("enforce", "ScheduleOSUpdate", {"Updates": [update]}),
                         ("verify", "OSUpdateStatus", {}),
                         ("verify", "DeviceInformation", {"Queries": ["OSVersion", "BuildVersion"]})]
            when = {"download": download, "enforce": enforce, "verify": enforce + dt.timedelta(hours=6)}
            steps = {}
            for n, (step, request, body) in enumerate(commands, 1):
                file = f"commands/{n:02d}-{request}.plist"
                command_uuid = uuid(f"{plan['policy']}|{c}|{step}|{n}|{json.dumps(body, sort_keys=True)}")
                files[f"{base}/legacy/{file}"] = plistlib.dumps(
                    {"CommandUUID": command_uuid, "Command": {"RequestType": request, **body}})
                at = when.get(step)
                s = steps.setdefault(step, {"name": step, "when": "instant" if at else "load", "commands": []})
                if at:
                    s["utc"] = at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    s["local"] = at.replace(tzinfo=None).isoformat()
                s["commands"].append({"file": file, "requestType": request, "commandUUID": command_uuid})
            files[f"{base}/legacy/plan.json"] = dump({
                "formatVersion": 1, "cohort": c, "policy": plan["policy"], "platform": plan["platform"],
                "target": {"version": plan["version"], "build": plan["build"]},
                "deadline": {"local": plan["deadline"].isoformat(), "timeZone": plan["zone_name"],
                             "utc": enforce.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")},
                "steps": list(steps.values())})
            entry["legacyPlan"] = [{"step": s["name"], "utc": s.get("utc")} for s in steps.values()]
        all_files.update(files)
        for path in sorted(files):
            content = files[path]
            artifacts.append({"path": path, "sha256": hashlib.sha256(
                content if isinstance(content, bytes) else content.encode()).hexdigest()})
        entry["artifacts"] = artifacts
        manifest["cohorts"][c] = entry
    all_files["manifest.json"] = dump(manifest)


def write(files, out):
    staging = out.rstrip("/") + ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    for path, content in files.items():
        full = os.path.join(staging, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())
    if os.path.exists(out):
        shutil.rmtree(out)
    os.rename(staging, out)


def main():
    parser = argparse.ArgumentParser(description="compile policies the way an admin's script does")
    parser.add_argument("repo")
    parser.add_argument("--out", required=True)
    parser.add_argument("--now", required=True)
    args = parser.parse_args()
    now = dt.datetime.fromisoformat(args.now.replace("Z", "+00:00")).astimezone(dt.timezone.utc)
    problems = Problems()
    documents = load(args.repo, problems)
    settings, plans = check(documents, now, read_catalog(), problems)
    if problems:
        sys.stderr.write("\n".join(problems) + "\n")
        return 1
    files = {}
    emit(settings, plans, now, files)
    write(files, args.out)
    print(f"compile.py: wrote {len(files)} files for {len(plans)} cohorts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
