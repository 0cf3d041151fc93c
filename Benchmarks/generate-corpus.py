#!/usr/bin/env python3
"""Writes realistic, valid mosc policy repositories for the benchmarks, deterministically from a seed.

    python3 Benchmarks/generate-corpus.py --policies 10000 --out .build-bench/corpus/10k [--seed 9]
    python3 Benchmarks/generate-corpus.py --policies 10000 --out .build-bench/corpus/10k-changed --change

A repository is a fleet of sites (an office, a campus, a studio). Each site has its own cohorts file (one
document per cohort, separated by ---) and one file per policy: ring rollouts of macOS 26 and iOS 26 with
per-cohort deadline overrides (some relative to the release), Macs and iPads held on an older major, legacy-only
kiosks and reception Macs, mixed cohorts, an unsupervised DDM-only iPhone cohort, settings blocks, comments and
the schema modeline. Versions and builds come from the bundled catalog (newest patches only, so no policy is
warned about a newer patch fixing exploited vulnerabilities). Every deadline lies after --now
2026-11-25T12:00:00Z plus the 72h notice and on a weekday (Settings skips weekends); every cohort is enforced by
exactly one policy. `mosc validate` reports 0 errors and 0 warnings (only MOS277 notes for `latest-15`).

`--change` writes the same repository with one policy changed (a ring's deadline moves a week later and the
policy's target moves to another real patch): the input of `mosc diff BASE HEAD`.
"""

import argparse
import os
import random
import shutil
import sys
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "Sources/MOSDomain/Catalog/Data/catalog.tsv")
MODELINE = "# yaml-language-server: $schema=../../../specs/mosc-v1.schema.json\n"

CITIES = [
    ("nyc", "America/New_York"), ("chi", "America/Chicago"), ("den", "America/Denver"),
    ("sfo", "America/Los_Angeles"), ("tor", "America/Toronto"), ("mex", "America/Mexico_City"),
    ("sao", "America/Sao_Paulo"), ("lon", "Europe/London"), ("dub", "Europe/Dublin"), ("par", "Europe/Paris"),
    ("ber", "Europe/Berlin"), ("ams", "Europe/Amsterdam"), ("mad", "Europe/Madrid"), ("mil", "Europe/Rome"),
    ("sto", "Europe/Stockholm"), ("war", "Europe/Warsaw"), ("ist", "Europe/Istanbul"), ("dxb", "Asia/Dubai"),
    ("bom", "Asia/Kolkata"), ("sin", "Asia/Singapore"), ("hkg", "Asia/Hong_Kong"), ("tyo", "Asia/Tokyo"),
    ("sel", "Asia/Seoul"), ("syd", "Australia/Sydney"), ("mel", "Australia/Melbourne"), ("akl", "Pacific/Auckland"),
    ("jnb", "Africa/Johannesburg"), ("nbo", "Africa/Nairobi"),
]
TEAMS = ["des", "sales", "fin", "ops", "hr", "lgl", "mkt", "sup"]
TEAM_WORDS = {
    "des": "Design", "sales": "Sales", "fin": "Finance", "ops": "Operations", "hr": "People team",
    "lgl": "Legal", "mkt": "Marketing", "sup": "Support desk",
}
TIMES = ["08:00", "12:30", "17:00", "18:00", "19:00", "20:00"]
FIRST_DAY = date(2026, 12, 1)  # after --now 2026-11-25T12:00:00Z plus 72h of notice, wherever the device is
LAST_DAY = date(2027, 2, 26)


def read_catalog():
    """{(platform, major): [(version, builds, releaseDate)]} of the releases no newer patch fixes exploits for."""
    releases = {}
    with open(CATALOG, encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "mosc-os-catalog", "bsi\t")):  # bsi: Background Security Improvements
                continue
            platform, version, builds, released, exploited, _ = line.rstrip("\n").split("\t")
            major = int(version.split(".")[0])
            key = tuple(int(p) for p in version.split("."))
            releases.setdefault((platform, major), []).append(
                (key, version, [b for b in builds.split(",") if b], date.fromisoformat(released) if released else None,
                 int(exploited)))
    safe = {}
    for group, items in releases.items():
        items.sort()
        last_fix = max((i for i, r in enumerate(items) if r[4] > 0), default=0)
        # A release whose date the catalog does not trust (an empty field) is never a target here.
        safe[group] = [(v, b, d) for _, v, b, d, _ in items[last_fix:] if d is not None]
    return safe


class Site:
    """One site's cohorts and policies, written as YAML text."""

    def __init__(self, rng, catalog, name, city_zone):
        self.rng = rng
        self.catalog = catalog
        self.name = name
        self.zone = city_zone
        self.cohorts = []  # (name, yaml text)
        self.policies = []  # (name, yaml text builder: change flag -> text)

    def day(self, earliest=FIRST_DAY, latest=LAST_DAY):
        """A random weekday in [earliest, latest]."""
        while True:
            d = earliest + timedelta(days=self.rng.randrange((latest - earliest).days + 1))
            if d.weekday() < 5:
                return d

    @staticmethod
    def weekday_after(d, days):
        d = d + timedelta(days=days)
        while d.weekday() >= 5:
            d += timedelta(days=1)
        return d

    def target(self, platform, major):
        """A real version (and its build when it shipped as exactly one) of the newest safe patches."""
        version, builds, released = self.rng.choice(self.catalog[(platform, major)])
        return version, (builds[0] if len(builds) == 1 else None), released

    def cohort(self, short, platform, description, versions=None, enrollment=None, comment=None):
        name = f"{self.name}-{short}"
        lines = [MODELINE, "apiVersion: mosc/v1\n", "kind: Cohort\n", f"name: {name}\n", f"platform: {platform}\n",
                 f"description: {description}\n"]
        if versions is not None:
            lines.append(f'osVersions: "{versions}"' + (f"    # {comment}\n" if comment else "\n"))
        elif comment:
            lines.append(f"# {comment}\n")
        if enrollment:
            lines.append(f"enrollment: {enrollment}\n")
        self.cohorts.append((name, "".join(lines)))
        return name

    def policy(self, short, build):
        self.policies.append((f"{self.name}-{short}", build))


def plan_site(site):
    """Chooses which cohorts and policies the site has; the proportions follow a typical mixed fleet."""
    rng, s, zone = site.rng, site.name, site.zone
    tz = zone

    # macOS 26 ring rollout: IT, engineering, 0-3 teams, then the office Macs (mixed: some Ventura left).
    rings = [site.cohort("mac-it", "macOS", "IT department laptops, first ring of every rollout", ">=15.0",
                         "supervised", "DDM-only")]
    rings.append(site.cohort("mac-eng", "macOS", "Engineering laptops (2020 and later)", ">=14.0", None, "DDM-only"))
    for team in rng.sample(TEAMS, rng.randrange(4)):
        rings.append(site.cohort(f"mac-{team}", "macOS", f"{TEAM_WORDS[team]} Macs", ">=14.0"))
    rings.append(site.cohort("mac-ofc", "macOS", "Office and shared Macs, some still on Ventura", ">=13.0", None,
                             "mixed: 13.x takes the legacy path"))

    def macos26(change):
        version, build, _ = site.target("macOS", 26)
        if change:
            others = [v for v in site.catalog[("macOS", 26)] if v[0] != version]
            version, build = others[0][0], (others[0][1][0] if len(others[0][1]) == 1 else None)
        start = site.day(FIRST_DAY, LAST_DAY - timedelta(days=7 * len(rings)))
        time = rng.choice(TIMES)
        out = [MODELINE, "#\n", f"# Ring rollout of macOS {version} at {s}: IT first, then one ring a week.\n",
               "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-macos26\n", "platform: macOS\n",
               f"description: Every Mac at {s} on macOS {version}\n", "target:\n",
               f'  version: "{version}"          # always quoted: versions are strings\n']
        if build:
            out.append(f'  build: "{build}"\n')
        last = Site.weekday_after(start, 7 * (len(rings) - 1))
        out += [f'deadline: "{last.isoformat()}T{time}"  # the last ring\n',
                f"detailsURL: https://it.example.com/updates/{s}/macos-26\n", "legacy:\n",
                "  # The office cohort can hold Ventura Macs, which take ScheduleOSUpdate at this zone's wall time.\n",
                f"  timeZone: {tz}\n", "  installAction: InstallASAP\n",
                f"  downloadLeadTime: {rng.choice(['2d', '3d', '5d', '1d12h'])}\n", "cohorts:\n"]
        for i, cohort in enumerate(rings[:-1]):
            d = Site.weekday_after(start, 7 * i)
            if change and i == 0:
                d = Site.weekday_after(d, 7)
            out += [f"  - cohort: {cohort}   # ring {i + 1}\n", f'    deadline: "{d.isoformat()}T{time}"\n']
        out.append(f"  - {rings[-1]}   # last ring: the policy's deadline\n")
        return "".join(out)

    site.policy("macos26", macos26)
    yield 1

    # Audio or video studio Macs held on Sequoia, with a settings block (macOS 15+ only).
    if rng.random() < 0.7:
        aud = site.cohort("mac-aud", "macOS", "Studio Macs held on Sequoia until plug-ins are certified",
                          ">=15.0 <16", None, "DDM-only, new enough for the settings declaration")

        def macos15(change):
            latest = rng.random() < 0.4
            version, build, released = site.target("macOS", 15)
            out = [MODELINE, "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-macos15-aud\n",
                   "platform: macOS\n", "description: Studio Macs on the newest Sequoia, no Tahoe yet\n", "target:\n"]
            if latest:
                out.append('  version: "latest-15"   # no build: it changes with every release\n')
                newest = site.catalog[("macOS", 15)][-1][2]
                days = (site.day() - newest).days
                out += ["deadline:\n", f"  afterRelease: {days}d\n", f'  time: "{rng.choice(TIMES)}"\n']
            else:
                out.append(f'  version: "{version}"\n')
                if build:
                    out.append(f'  build: "{build}"\n')
                out.append(f'deadline: "{site.day().isoformat()}T{rng.choice(TIMES)}"\n')
            out += ["settings:\n", f"  notifications: {rng.choice(['true', 'false'])}\n", "  deferrals:\n",
                    f"    majorPeriodInDays: {rng.choice([30, 60, 90])}   # hide the next major for a while\n",
                    f"    minorPeriodInDays: {rng.choice([3, 7, 14])}\n", "  automaticActions:\n",
                    "    download: AlwaysOn\n", "    installOSUpdates: AlwaysOff   # no surprise installs\n",
                    "    installSecurityUpdate: AlwaysOn\n", "  rapidSecurityResponse:\n", "    enable: true\n",
                    "    enableRollback: true\n", "  allowStandardUserOSUpdates: false\n",
                    "cohorts:\n", f"  - {aud}\n"]
            return "".join(out)

        site.policy("macos15-aud", macos15)
        yield 1

    # Reception Macs that cannot leave Ventura: legacy-only, minor update with deferrals and priority.
    if rng.random() < 0.5:
        dsk = site.cohort("mac-dsk", "macOS", "Reception iMacs (2017) that cannot run Sonoma", ">=13.0 <14", None,
                          "legacy-only: ScheduleOSUpdate only")

        def macos13(change):
            version, build, _ = site.target("macOS", 13)
            out = [MODELINE, "#\n", "# Keep the reception Macs on the last Ventura; the update is minor, so\n",
                   "# InstallLater with user deferrals and a High priority are available.\n",
                   "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-macos13-dsk\n", "platform: macOS\n",
                   "target:\n", f'  version: "{version}"\n']
            if build:
                out.append(f'  build: "{build}"\n')
            out += [f'deadline: "{site.day().isoformat()}T{rng.choice(TIMES)}"  # after the front desk closes\n',
                    "legacy:\n", f"  timeZone: {tz}\n", "  installAction: InstallLater\n",
                    f"  maxUserDeferrals: {rng.randrange(1, 6)}\n", "  priority: High\n", "  downloadLeadTime: 2d\n",
                    "cohorts:\n", f"  - {dsk}\n"]
            return "".join(out)

        site.policy("macos13-dsk", macos13)
        yield 1

    # Lab Macs of every age (no osVersions: the macOS floor upwards, mixed).
    if rng.random() < 0.4:
        lab = site.cohort("mac-lab", "macOS", "Teaching lab Macs of every age", None, None,
                          "no osVersions: from the macOS floor (11.0) upwards, so mixed")

        def macoslab(change):
            version, build, _ = site.target("macOS", 26)
            out = [MODELINE, "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-macos-lab\n",
                   "platform: macOS\n", "description: Lab Macs on Tahoe before the next term\n",
                   f'target: {{version: "{version}"' + (f', build: "{build}"' if build else "") + "}\n",
                   f'deadline: "{site.day().isoformat()}T08:00"\n', "legacy:\n", f"  timeZone: {tz}\n",
                   "cohorts: [" + lab + "]\n"]
            return "".join(out)

        site.policy("macos-lab", macoslab)
        yield 1

    # iOS 26 ring rollout: IT, the unsupervised field iPhones (DDM-only), then the company iPhones (mixed).
    if rng.random() < 0.85:
        iph = [site.cohort("iph-it", "iOS", "IT department iPhones, first ring", ">=18.0", None, "DDM-only"),
               site.cohort("iph-fld", "iOS", "Field technicians' iPhones, enrolled by profile", ">=18.0", "device",
                           "DDM-only, as an unsupervised cohort must be"),
               site.cohort("iph-corp", "iOS", "Company-owned iPhones, a few still on iOS 16", ">=16.0", "supervised",
                           "mixed: 16.x takes the legacy path")]

        def ios26(change):
            version, build, released = site.target("iOS", 26)
            start = site.day(FIRST_DAY, LAST_DAY - timedelta(days=21))
            time = rng.choice(TIMES)
            out = [MODELINE, "#\n", f"# Ring rollout of iOS {version}.\n", "apiVersion: mosc/v1\n",
                   "kind: ManagedOSPolicy\n", f"name: {s}-ios26\n", "platform: iOS\n",
                   f"description: Every iPhone at {s} on iOS {version}\n", "target:\n", f'  version: "{version}"\n']
            if build:
                out.append(f'  build: "{build}"\n')
            out += [f'deadline: "{Site.weekday_after(start, 14).isoformat()}T{time}"\n',
                    f"detailsURL: https://it.example.com/updates/{s}/ios-26\n", "legacy:\n",
                    f"  timeZone: {tz}   # for the iOS 16 iPhones of {iph[2]}\n", "cohorts:\n"]
            if rng.random() < 0.5:
                days = (start - released).days
                out += [f"  - cohort: {iph[0]}   # {days} days after the release\n",
                        f'    deadline: {{afterRelease: {days}d, time: "{time}"}}\n']
            else:
                out += [f"  - cohort: {iph[0]}\n", f'    deadline: "{start.isoformat()}T{time}"\n']
            out += [f"  - cohort: {iph[1]}\n",
                    f'    deadline: "{Site.weekday_after(start, 7).isoformat()}T{time}"\n', f"  - {iph[2]}\n"]
            return "".join(out)

        site.policy("ios26", ios26)
        yield 1

    # Old iPhones that stay below iOS 17: legacy-only, a major upgrade to iOS 18.
    if rng.random() < 0.3:
        old = site.cohort("iph-old", "iOS", "Shared iPhones still on iOS 16", ">=16.0 <17", None, "legacy-only")

        def ios18(change):
            version, build, _ = site.target("iOS", 18)
            out = [MODELINE, "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-ios18-old\n",
                   "platform: iOS\n", "target:\n", f'  version: "{version}"\n',
                   f'deadline: "{site.day().isoformat()}T{rng.choice(TIMES)}"\n', "legacy:\n",
                   f"  timeZone: {tz}\n", "  installAction: InstallASAP\n", "cohorts:\n", f"  - {old}\n"]
            return "".join(out)

        site.policy("ios18-old", ios18)
        yield 1

    # iPads: kiosks frozen below 17 and classroom iPads of every age on iPadOS 18; staff iPads on 26 with settings.
    if rng.random() < 0.5:
        kiosk = site.cohort("ipad-kiosk", "iPadOS", "Library kiosks, frozen on iPadOS 16", ">=16.0 <17", None,
                            "legacy-only: below the iPadOS DDM threshold")
        cls = site.cohort("ipad-class", "iPadOS", "Classroom iPads of every age", None, None,
                          "no osVersions: the iPadOS floor (15.0) upwards, so mixed")

        def ipados18(change):
            version, build, _ = site.target("iPadOS", 18)
            first = site.day(FIRST_DAY, LAST_DAY - timedelta(days=7))
            out = [MODELINE, "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-ipados18\n",
                   "platform: iPadOS\n", f"description: School iPads on iPadOS {version} before term\n",
                   "target:\n", f'  version: "{version}"\n',
                   f'deadline: "{Site.weekday_after(first, 7).isoformat()}T08:00"\n', "legacy:\n",
                   f"  timeZone: {tz}\n", "  installAction: InstallASAP\n", "cohorts:\n",
                   f"  - cohort: {kiosk}   # the kiosks go first\n", f'    deadline: "{first.isoformat()}T08:00"\n',
                   f"  - {cls}\n"]
            return "".join(out)

        site.policy("ipados18", ipados18)
        yield 1

    if rng.random() < 0.45:
        staff = site.cohort("ipad-staff", "iPadOS", "Staff iPads", ">=18.0", None, "DDM-only, settings-capable")

        def ipados26(change):
            version, build, _ = site.target("iPadOS", 26)
            out = [MODELINE, "apiVersion: mosc/v1\n", "kind: ManagedOSPolicy\n", f"name: {s}-ipados26\n",
                   "platform: iPadOS\n", "target:\n", f'  version: "{version}"\n',
                   f'deadline: "{site.day().isoformat()}T{rng.choice(TIMES)}"\n', "settings:\n",
                   "  deferrals:\n", f"    combinedPeriodInDays: {rng.choice([7, 14, 30])}\n",
                   f"  recommendedCadence: {rng.choice(['All', 'Newest'])}\n", "  automaticActions:\n",
                   "    download: AlwaysOn\n", "    installOSUpdates: Allowed\n", "cohorts:\n", f"  - {staff}\n"]
            return "".join(out)

        site.policy("ipados26", ipados26)
        yield 1


SETTINGS = """# yaml-language-server: $schema=../specs/mosc-v1.schema.json
#
# Repository-wide settings: at most one Settings document per repository.
apiVersion: mosc/v1
kind: Settings
identifierPrefix: com.example.mdm
minimumNotice: 72h
# Computed deadlines never fall on a weekend; written-out ones are all on weekdays.
skipDays: [Sat, Sun]
exclude:
  - "ci/**"
  - "templates/*.yaml"
"""
CI = """# Not a policy: Settings excludes ci/**.
name: validate policies
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: mosc validate . --format github
"""
TEMPLATE = """# A template new sites copy; excluded by Settings.
apiVersion: mosc/v1
kind: ManagedOSPolicy
name: SITE-macos26
"""


def generate(policies, seed, change):
    """Yields (relative path, text) of a repository with exactly `policies` policies."""
    rng = random.Random(seed)
    catalog = read_catalog()
    yield "settings.yaml", SETTINGS
    yield "ci/mosc-validate.yml", CI
    yield "templates/site-policy.yaml", TEMPLATE
    count = 0
    index = 0
    # The changed policy: the macOS 26 rollout of a site in the middle of the repository.
    change_site = max(1, policies // 16)
    while count < policies:
        index += 1
        city, zone = CITIES[index % len(CITIES)]
        site = Site(rng, catalog, f"{city}{index // len(CITIES) + 1}", zone)
        for _ in plan_site(site):
            count += 1
            if count == policies:
                break
        folder = f"sites/{site.name}"
        for name, build in site.policies:
            yield f"{folder}/policies/{name}.yaml", build(change and index == change_site)
        # Cohorts are created just before their policy, so a site cut short holds only used cohorts.
        cohorts = site.cohorts
        header = f"# Cohorts of site {site.name} ({zone}).\n#\n"
        yield f"{folder}/cohorts.yaml", header + "---\n".join(t for _, t in cohorts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policies", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--change", action="store_true", help="change one policy (the diff variant)")
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    files = 0
    size = 0
    for path, text in generate(args.policies, args.seed, args.change):
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = text.encode("utf-8")
        with open(full, "wb") as f:
            f.write(data)
        files += 1
        size += len(data)
    print(f"{args.out}: {args.policies} policies, {files} files, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
