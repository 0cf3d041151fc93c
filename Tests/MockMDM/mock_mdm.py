#!/usr/bin/env python3
"""A stand-in for KMFDDM, NanoMDM and NanoHUB that `mosc sync` tests talk to on 127.0.0.1.

Implements the API semantics the servers' source defines (KMFDDM v0.8, NanoMDM v0.9, NanoHUB v0.2) that sync
and status use: 204/304 on changes, sets that exist while they have members, DELETE of a declaration refused
while a set holds it, enrollment sets, notify, status values and declaration status, NanoMDM's enqueue with its
refusal of a CommandUUID it has stored before ("command already exists", HTTP 500). It records every request,
and after every write it checks what each enrollment is served: a set whose activation references a missing
configuration, or an enrollment activated into two enforcement declarations, is recorded as a violation.

Control endpoints (no authentication) live under /_mock/. Standard library only. Prints "PORT <n>" once
listening; exits when its parent process goes away or after --lifetime seconds.
"""

import argparse
import base64
import json
import os
import plistlib
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

ENFORCEMENT = "com.apple.configuration.softwareupdate.enforcement.specific"


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.declarations = {}  # id -> {"raw": dict}
        self.set_members = {}  # set -> set(ids)
        self.enrollment_sets = {}  # enrollment -> set(sets)
        self.commands = {}  # uuid -> (enrollments, request type)
        self.queues = {}  # enrollment -> [uuid]
        self.notifies = []
        self.pushes = []
        self.no_push_data = set()
        self.requests = []
        self.violations = []
        self.status_values = {}
        self.declaration_status = {}
        self.failures = []  # [{"match", "after", "count", "status"}]
        self.redirect = None


STATE = State()


def content(raw):
    return json.dumps([raw.get("Type"), raw.get("Identifier"), raw.get("Payload")], sort_keys=True)


def served(enrollment):
    """The declarations an enrollment is served: every member of its sets."""
    ids = set()
    for name in STATE.enrollment_sets.get(enrollment, set()):
        ids |= STATE.set_members.get(name, set())
    return ids


def check_invariants(after):
    """Records a violation when a set's activation references a configuration the set lacks, or an enrollment
    is activated into more than one enforcement declaration."""
    for name, members in STATE.set_members.items():
        for ident in members:
            raw = STATE.declarations.get(ident, {}).get("raw", {})
            if raw.get("Type", "").startswith("com.apple.activation."):
                for ref in raw.get("Payload", {}).get("StandardConfigurations", []):
                    if ref not in members:
                        STATE.violations.append(f"after {after}: set {name}: activation {ident} references missing {ref}")
    groups = [(f"enrollment {e}", served(e)) for e in STATE.enrollment_sets] + [
        (f"set {s}", m) for s, m in STATE.set_members.items()
    ]
    for label, ids in groups:
        active = set()
        for ident in ids:
            raw = STATE.declarations.get(ident, {}).get("raw", {})
            if raw.get("Type", "").startswith("com.apple.activation."):
                for ref in raw.get("Payload", {}).get("StandardConfigurations", []):
                    if ref in ids and STATE.declarations.get(ref, {}).get("raw", {}).get("Type") == ENFORCEMENT:
                        active.add(ref)
        if len(active) > 1:
            STATE.violations.append(f"after {after}: {label} activates {len(active)} enforcements: {sorted(active)}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mock-mdm"
    # Headers and body go out in separate writes: without this, Nagle and delayed ACKs stall each answer ~40 ms.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", content_type="application/json"):
        if isinstance(body, (dict, list)) or body is None:
            body = json.dumps(body).encode()
        self.send_response(status)
        if status not in (204, 304):
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status not in (204, 304):
            self.wfile.write(body)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        self.handle_any("GET")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method):
        parts = urlsplit(self.path)
        path = parts.path
        query = parse_qs(parts.query)
        body = self.body()
        if path.startswith("/_mock/"):
            return self.control(method, path, body)
        with STATE.lock:
            line = f"{method} {self.path}"
            STATE.requests.append({"method": method, "path": path, "query": parts.query, "line": line})
            if STATE.redirect:
                self.send_response(302)
                self.send_header("Location", STATE.redirect + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            for failure in STATE.failures:
                if failure["match"] in line:
                    if failure["after"] > 0:
                        failure["after"] -= 1
                    elif failure["count"] > 0:
                        failure["count"] -= 1
                        return self.reply(failure["status"], {"error": "injected failure"})
            status, answer = self.api(method, path, query, body)
            STATE.requests[-1]["status"] = status
            if method != "GET" and not ARGS.no_invariants:
                check_invariants(line)
        if isinstance(answer, bytes):
            self.reply(status, answer)
        else:
            self.reply(status, answer)

    def authorized(self, users):
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, key = base64.b64decode(header[6:]).decode().partition(":")
        except Exception:
            return False
        return user in users and key == ARGS.key

    def api(self, method, path, query, body):
        ddm = "/v1" if ARGS.mode == "kmfddm" else "/api/v1/ddm"
        mdm = "/v1" if ARGS.mode == "kmfddm" else "/api/v1/nanomdm"
        ddm_user = "kmfddm" if ARGS.mode == "kmfddm" else "nanohub"
        mdm_user = "nanomdm" if ARGS.mode == "kmfddm" else "nanohub"
        if path.startswith(mdm + "/enqueue/") or path.startswith(mdm + "/push/"):
            if not self.authorized({mdm_user}):
                return 401, {"error": "unauthorized"}
            return self.nanomdm(method, path[len(mdm) :], query, body)
        if not path.startswith(ddm + "/"):
            return 404, {"error": "not found"}
        if not self.authorized({ddm_user}):
            return 401, {"error": "unauthorized"}
        return self.kmfddm(method, path[len(ddm) :], query, body)

    def implicit_notify(self, query, changed, what):
        if changed and query.get("nonotify", [""])[0] != "1":
            STATE.notifies.append({"implicit": what})

    def kmfddm(self, method, path, query, body):
        segments = path.strip("/").split("/", 1)
        resource = segments[0]
        ident = unquote(segments[1]) if len(segments) > 1 else ""
        if resource == "declarations" and not ident:
            if method == "GET":
                return 200, sorted(STATE.declarations)
            if method == "PUT":
                try:
                    raw = json.loads(body)
                except Exception:
                    return 400, {"error": "parsing declaration"}
                if not isinstance(raw, dict) or not raw.get("Identifier") or not raw.get("Type"):
                    return 400, {"error": "invalid declaration"}
                old = STATE.declarations.get(raw["Identifier"])
                changed = old is None or content(old["raw"]) != content(raw)
                STATE.declarations[raw["Identifier"]] = {"raw": raw}
                self.implicit_notify(query, changed, raw["Identifier"])
                return (204 if changed else 304), b""
        if resource == "declarations" and ident:
            if method == "GET":
                found = STATE.declarations.get(ident)
                if not found:
                    return 404, {"error": "declaration not found"}
                raw = dict(found["raw"])
                raw["ServerToken"] = "server-" + str(abs(hash(content(raw))))
                return 200, json.dumps(raw).encode()
            if method == "DELETE":
                if any(ident in members for members in STATE.set_members.values()):
                    return 500, {"error": "declaration is in a set"}
                if ident not in STATE.declarations:
                    return 304, b""
                del STATE.declarations[ident]
                return 204, b""
        if resource == "sets" and method == "GET":
            return 200, sorted(name for name, members in STATE.set_members.items() if members)
        if resource == "set-declarations" and ident:
            if method == "PUT" and query.get("declaration", [""])[0] not in STATE.declarations:
                return 500, {"error": "declaration not found"}
            return self.membership(STATE.set_members, ident, "declaration", method, query)
        if resource == "enrollment-sets" and ident:
            return self.membership(STATE.enrollment_sets, ident, "set", method, query)
        if resource == "notify" and method == "POST":
            STATE.notifies.append(
                {k: query.get(k, []) for k in ("set", "declaration", "id")}
            )
            return 204, b""
        if resource in ("status-values", "declaration-status", "status-errors") and ident and method == "GET":
            store = {"status-values": STATE.status_values, "declaration-status": STATE.declaration_status}.get(
                resource, {}
            )
            return 200, {e: store.get(e, []) for e in ident.split(",")}
        return 404, {"error": "not found"}

    def membership(self, store, key, parameter, method, query):
        """A set's declarations or an enrollment's sets: GET lists them (null when none), PUT and DELETE one
        named by `parameter` (204 changed, 304 not); an empty collection stops existing."""
        if method == "GET":
            return 200, (sorted(store[key]) if store.get(key) else None)
        member = query.get(parameter, [""])[0]
        if not member:
            return 500, {"error": f"empty {parameter}"}
        members = store.setdefault(key, set())
        changed = (member not in members) if method == "PUT" else (member in members)
        if method == "PUT":
            members.add(member)
        elif method == "DELETE":
            members.discard(member)
        else:
            return 405, {"error": "method not allowed"}
        if not members:
            store.pop(key, None)
        self.implicit_notify(query, changed, key)
        return (204 if changed else 304), b""

    def nanomdm(self, method, path, query, body):
        segments = path.strip("/").split("/", 1)
        ids = [unquote(i) for i in segments[1].split(",")] if len(segments) > 1 else []
        if segments[0] == "push":
            STATE.pushes.append(ids)
            # A real NanoMDM answers 500 when any enrollment has no push data (never sent a TokenUpdate).
            missing = [i for i in ids if i in STATE.no_push_data]
            status = {i: ({"push_error": "push data missing for id"} if i in missing else {"push_result": "ok"}) for i in ids}
            return (500 if missing else 200), {"status": status}
        if segments[0] == "enqueue" and method == "PUT" and ids:
            try:
                command = plistlib.loads(body)
                uuid = command["CommandUUID"]
                request_type = command["Command"]["RequestType"]
            except Exception:
                return 400, {"error": "invalid command"}
            if uuid in STATE.commands:
                return 500, {"error": "enqueuing: storing command: command already exists"}
            STATE.commands[uuid] = {"ids": ids, "request_type": request_type}
            for i in ids:
                STATE.queues.setdefault(i, []).append(uuid)
            if query.get("nopush", [""])[0] != "1":
                STATE.pushes.append(ids)
            return 200, {"command_uuid": uuid, "request_type": request_type}
        return 404, {"error": "not found"}

    def control(self, method, path, body):
        with STATE.lock:
            if path == "/_mock/requests":
                return self.reply(200, STATE.requests)
            if path == "/_mock/reset-log":
                STATE.requests.clear()
                STATE.notifies.clear()
                STATE.pushes.clear()
                return self.reply(200, {})
            if path == "/_mock/state":
                enrollments = sorted(set(STATE.enrollment_sets) | set(STATE.queues))
                return self.reply(
                    200,
                    {
                        "declarations": {k: v["raw"] for k, v in STATE.declarations.items()},
                        "sets": {k: sorted(v) for k, v in STATE.set_members.items()},
                        "enrollmentSets": {k: sorted(v) for k, v in STATE.enrollment_sets.items()},
                        "served": {e: sorted(served(e)) for e in enrollments},
                        "queues": STATE.queues,
                        "commands": STATE.commands,
                        "notifies": STATE.notifies,
                        "pushes": STATE.pushes,
                        "violations": STATE.violations,
                    },
                )
            if path == "/_mock/fail":
                STATE.failures.append(json.loads(body))
                return self.reply(200, {})
            if path == "/_mock/no-push-data":
                STATE.no_push_data = set(json.loads(body).get("ids", []))
                return self.reply(200, {})
            if path == "/_mock/clear-failures":
                STATE.failures.clear()
                return self.reply(200, {})
            if path == "/_mock/redirect":
                STATE.redirect = json.loads(body).get("to")
                return self.reply(200, {})
            if path == "/_mock/status":
                data = json.loads(body)
                STATE.status_values.update(data.get("values", {}))
                STATE.declaration_status.update(data.get("declarations", {}))
                return self.reply(200, {})
            if path == "/_mock/seed":
                # Puts objects on the server directly (another admin's declarations and sets).
                data = json.loads(body)
                for raw in data.get("declarations", []):
                    STATE.declarations[raw["Identifier"]] = {"raw": raw}
                for name, members in data.get("sets", {}).items():
                    STATE.set_members.setdefault(name, set()).update(members)
                for enrollment, sets in data.get("enrollmentSets", {}).items():
                    STATE.enrollment_sets.setdefault(enrollment, set()).update(sets)
                return self.reply(200, {})
        return self.reply(404, {"error": "unknown control endpoint"})


def watchdog(parent, lifetime, server):
    started = time.time()
    while True:
        time.sleep(0.5)
        if os.getppid() != parent or time.time() - started > lifetime:
            server.shutdown()
            return


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["kmfddm", "nanohub"], default="kmfddm")
    parser.add_argument("--key", required=True)
    parser.add_argument("--lifetime", type=float, default=600)
    parser.add_argument("--no-invariants", action="store_true", help="skip the checks after each write (benchmarks)")
    ARGS = parser.parse_args()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=watchdog, args=(os.getppid(), ARGS.lifetime, httpd), daemon=True).start()
    print(f"PORT {httpd.server_address[1]}", flush=True)
    httpd.serve_forever()
