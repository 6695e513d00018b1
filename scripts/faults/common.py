"""Shared pieces of the fault scripts: a private PostgreSQL cluster, server processes of the
real binary, an HTTP client on the standard library, accounts, filings, load threads that
retry under one Idempotency-Key, and the consistency checks run against the database.

Nothing here is a mock: the database is a real PostgreSQL cluster started with initdb and
pg_ctl, the service is the release binary (`$ARBITRATION_BIN`), the SMTP relay is aiosmtpd.
"""

from __future__ import annotations

import glob
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BIN = os.environ.get("ARBITRATION_BIN") or os.path.join(REPO, "target", "release", "arbitration")
PASSWORD = "faults-password-2026"

# The areas of two commissions (config/network.toml): a street of the Park and a town of Kunshan,
# with the registered area of the employer in the same commission.
AREAS = {"SIP": ("320571001", "320571"), "KS": ("320583105", "320583")}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port(preferred: int | None = None) -> int:
    if preferred is not None:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", preferred))
                return preferred
            except OSError:
                pass
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


# --------------------------------------------------------------------------------------------
# PostgreSQL: a private throwaway cluster (never the shared server on 5432).
# --------------------------------------------------------------------------------------------


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path:
        return path
    raise SystemExit(f"{name} not found: install the PostgreSQL server package (apt-get install postgresql)")


class Cluster:
    """A PostgreSQL cluster of its own, in a temporary directory, on a free port."""

    def __init__(self, workdir: str, preferred_port: int = 55432):
        self.dir = os.path.join(workdir, "pg")
        self.logfile = os.path.join(workdir, "pg.log")
        self.port = free_port(preferred_port)
        if self.port == 5432:
            raise SystemExit("refusing to use port 5432 (the shared server)")
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(workdir, "postgres", "postgres")
        self._run([pg_bin("initdb"), "-D", self.dir, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                   "--locale=C.UTF-8"], quiet=True)
        with open(os.path.join(self.dir, "postgresql.conf"), "a") as f:
            f.write("\nfsync = on\nmax_connections = 200\n")

    def _run(self, argv: list[str], quiet: bool = False, check: bool = True) -> subprocess.CompletedProcess:
        if self.as_postgres:
            argv = ["runuser", "-u", "postgres", "--"] + argv
        return subprocess.run(argv, check=check, stdout=subprocess.DEVNULL if quiet else None,
                              stderr=subprocess.DEVNULL if quiet else None)

    def start(self) -> None:
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir}"
        self._run([pg_bin("pg_ctl"), "-D", self.dir, "-l", self.logfile, "-w", "-t", "60", "-o", opts, "start"],
                  quiet=True)

    def stop(self, mode: str = "fast") -> None:
        self._run([pg_bin("pg_ctl"), "-D", self.dir, "-m", mode, "-w", "-t", "60", "stop"], quiet=True,
                  check=False)

    def ready(self) -> bool:
        r = subprocess.run([pg_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-q"])
        return r.returncode == 0

    def url(self, db: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def psql(self, sql: str, db: str = "postgres") -> list[list[str]]:
        r = subprocess.run(
            ["psql", "-X", "-q", "-At", "-F", "\x1f", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
             "-d", db, "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"psql failed: {r.stderr.strip()}\n{sql}")
        return [line.split("\x1f") for line in r.stdout.splitlines() if line != ""]

    def scalar(self, sql: str, db: str) -> str:
        rows = self.psql(sql, db)
        return rows[0][0] if rows else ""

    def create_database(self, db: str) -> None:
        self.psql(f"CREATE DATABASE {db}")


# --------------------------------------------------------------------------------------------
# The service: real processes of the release binary.
# --------------------------------------------------------------------------------------------


def check_binary() -> None:
    if not (os.path.isfile(BIN) and os.access(BIN, os.X_OK)):
        raise SystemExit(f"no executable at {BIN}: build it (cargo build --release) or set ARBITRATION_BIN")


def base_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "APP_CONFIG_DIR": os.path.join(REPO, "config"),
        "DATABASE_URL": database_url,
        "APP__TELEMETRY__FILTER": "warn",
    })
    return env


def cli(database_url: str, *args: str) -> str:
    """Runs a command of the binary (migrate, user create …) against the database."""
    r = subprocess.run([BIN, *args], env=base_env(database_url), capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        raise RuntimeError(f"arbitration {' '.join(args)} failed: {r.stderr.strip()[-2000:]}")
    return r.stdout.strip()


class Server:
    """One `arbitration serve` process; can be killed and started again on the same port."""

    def __init__(self, name: str, workdir: str, database_url: str, port: int | None = None,
                 extra_env: dict[str, str] | None = None):
        self.name = name
        self.port = port or free_port()
        self.env = base_env(database_url)
        self.env.update({
            "APP__APPLICATION__HOST": "127.0.0.1",
            "APP__APPLICATION__PORT": str(self.port),
            "APP__APPLICATION__BASE_URL": f"http://127.0.0.1:{self.port}",
            "APP__EMAIL__TRANSPORT": "log",
            "APP__CLOCKS__SWEEP_INTERVAL_SECONDS": "0",
        })
        self.env.update(extra_env or {})
        self.logpath = os.path.join(workdir, f"server-{name}.log")
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> float:
        """Spawns the process; returns the monotonic time of the spawn."""
        logf = open(self.logpath, "a")
        logf.write(f"\n===== start {self.starts + 1} at {time.strftime('%H:%M:%S')} =====\n")
        logf.flush()
        t = time.monotonic()
        self.proc = subprocess.Popen([BIN, "serve"], env=self.env, stdout=logf, stderr=subprocess.STDOUT,
                                     cwd=REPO, start_new_session=True)
        logf.close()
        self.starts += 1
        return t

    def wait_ready(self, timeout: float = 120.0, path: str = "/readyz") -> float:
        """Polls until `path` answers 200; returns the monotonic time it did."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"server {self.name} exited with {self.proc.returncode}; see {self.logpath}")
            try:
                st, _, _ = request(self.port, "GET", path, timeout=2)
                if st == 200:
                    return time.monotonic()
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.01)
        raise RuntimeError(f"server {self.name} not ready after {timeout} s; see {self.logpath}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, sig)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def metrics(self) -> dict[str, float]:
        st, _, body = request(self.port, "GET", "/metrics", raw=True)
        out: dict[str, float] = {}
        if st != 200:
            return out
        for line in body.decode().splitlines():
            if line.startswith("arbitration_") and " " in line:
                k, v = line.rsplit(" ", 1)
                try:
                    out[k] = float(v)
                except ValueError:
                    pass
        return out


# --------------------------------------------------------------------------------------------
# HTTP on the standard library.
# --------------------------------------------------------------------------------------------


def request(port: int, method: str, path: str, body=None, token: str | None = None,
            headers: dict[str, str] | None = None, timeout: float = 30.0, raw: bool = False):
    """One request on a fresh connection: (status, headers, parsed JSON or raw bytes).
    Connection failures raise OSError or http.client.HTTPException."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        h = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if token:
            h["Authorization"] = f"Bearer {token}"
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        resp = conn.getresponse()
        payload = resp.read()
        hdrs = {k.lower(): v for k, v in resp.getheaders()}
        if raw:
            return resp.status, hdrs, payload
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = None
        return resp.status, hdrs, parsed
    finally:
        conn.close()


def login(port: int, email: str) -> tuple[str, str]:
    st, _, body = request(port, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
    if st != 200:
        raise RuntimeError(f"login {email}: {st} {body}")
    return body["access_token"], body["user_id"]


# --------------------------------------------------------------------------------------------
# Accounts and filings.
# --------------------------------------------------------------------------------------------

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_number(body17: str) -> str:
    s = sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS))
    return body17 + ID_CHECK[s % 11]


def credit_code(body17: str) -> str:
    s = sum(USCC_CHARSET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    return body17 + USCC_CHARSET[(31 - s % 31) % 31]


def applicant_id(n: int) -> str:
    """A distinct valid ID number for every n below ten million (born 1970-1999)."""
    year = 1970 + (n // 336000) % 30
    month = 1 + n % 12
    day = 1 + (n // 12) % 28
    seq = (n // 336) % 1000
    return id_number(f"320583{year}{month:02d}{day:02d}{seq:03d}")


def filing(n: int, commission: str) -> dict:
    """A complete, valid filing (as the demonstration's sample form) for applicant n."""
    workplace, employer_area = AREAS[commission]
    return {
        "form": {
            "applicants": [{
                "name": f"申请人{n:06d}",
                "id_number": applicant_id(n),
                "phone": f"139{n:08d}",
                "email": f"applicant{n}@example.com",
                "address": "江苏省苏州市工业园区星湖街 1 号",
            }],
            "respondent": {
                "name": "苏州某某电子科技有限公司",
                "uscc": credit_code("91320594MA1MABCDE"),
                "registered_area": employer_area,
                "business_address": "苏州工业园区金鸡湖大道 100 号",
                "legal_representative": "张某",
                "contact_phone": "0512-66668888",
                "email": "",
                "employer_kind": "enterprise",
                "employer_level": "",
                "industry": "C",
            },
            "employment": {
                "start_date": "2023-03-01",
                "end_date": "2026-01-31",
                "workplace_kind": "",
                "workplace_area": workplace,
                "workplace_region": "",
                "workplace_address": "园区星湖街 328 号",
                "post": "装配工",
                "monthly_wage": "6800",
            },
            "claims": [
                {"claim_type": "wage_arrears", "amount": "13600", "period_from": "2025-12-01",
                 "period_to": "2026-01-31", "description": "2025年12月至2026年1月工资未发"},
                {"claim_type": "economic_compensation", "amount": "20400", "period_from": "",
                 "period_to": "", "description": "公司以经营困难为由解除劳动合同，未支付经济补偿"},
            ],
            "facts": "申请人于2023年3月入职被申请人处任装配工，月工资6800元。2026年1月31日被申请人口头通知解除劳动合同，"
                     "拖欠两个月工资，未支付经济补偿。",
            "applicant_choice": "",
        },
        "intake_venue": None,
    }


class Accounts:
    """Workers (one per client thread), a clerk per commission, supervisors if asked."""

    def __init__(self, database_url: str, port: int, workers: int, supervisors: bool = False):
        self.workers: list[tuple[str, str]] = []
        self.clerks: dict[str, tuple[str, str]] = {}
        tag = uuid.uuid4().hex[:6]
        people = [("worker", f"worker{i}.{tag}@faults.example", f"劳动者{i}", None) for i in range(workers)]
        people += [("clerk", f"clerk.{c.lower()}.{tag}@faults.example", f"{c}立案员", c) for c in AREAS]
        if supervisors:
            people += [("supervisor", f"head.{c.lower()}.{tag}@faults.example", f"{c}负责人", c) for c in AREAS]
        for role, email, name, commission in people:
            args = ["user", "create", "--role", role, "--email", email, "--password", PASSWORD, "--name", name]
            if commission:
                args += ["--commission", commission]
            cli(database_url, *args)
        for role, email, _, commission in people:
            if role == "worker":
                self.workers.append(login(port, email))
            elif role == "clerk":
                self.clerks[commission] = login(port, email)


# --------------------------------------------------------------------------------------------
# Load: client threads that retry under the same Idempotency-Key.
# --------------------------------------------------------------------------------------------

RETRYABLE = (OSError, http.client.HTTPException)


class Tally:
    """Every answer the clients saw, by class, with the time of each 2xx."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answers = Counter()  # "2xx", "409", "500", "503", "conn" …
        self.ok_times: list[tuple[float, float]] = []  # (request sent, 2xx answer read)
        self.ops: list[dict] = []
        self.n = 0
        self.errors: list[tuple[float, str]] = []  # (time, class) of every 5xx and connection error
        self.samples: dict[str, list] = defaultdict(list)  # first bodies of each 5xx class

    def next_n(self) -> int:
        with self.lock:
            self.n += 1
            return self.n

    def saw(self, what: str, t: float, body=None, sent: float | None = None) -> None:
        with self.lock:
            self.answers[what] += 1
            if what == "2xx":
                self.ok_times.append((t if sent is None else sent, t))
            elif what == "conn" or what.startswith("5"):
                self.errors.append((t, what))
                if body is not None and len(self.samples[what]) < 3:
                    self.samples[what].append(body)

    def record(self, op: dict) -> None:
        with self.lock:
            self.ops.append(op)

    def first_ok_after(self, t: float) -> float | None:
        """When the first 2xx answer came to a request sent at or after t."""
        with self.lock:
            later = [answered for sent, answered in self.ok_times if sent >= t]
        return min(later) if later else None


def send_retrying(tally: Tally, ports: list[int], method: str, path: str, body, token: str,
                  headers: dict[str, str] | None = None, give_up_after: float = 120.0,
                  stop: threading.Event | None = None) -> dict:
    """Sends until an answer below 500 comes (or give_up_after seconds pass), retrying the very
    same request (same body, same Idempotency-Key) on connection errors and 5xx. Rotates over
    the given server ports on failures."""
    started = time.monotonic()
    attempts, ambiguous, i = 0, False, random.randrange(len(ports))
    trail = []
    while True:
        attempts += 1
        port = ports[i % len(ports)]
        t_sent = time.monotonic()
        try:
            st, hdrs, data = request(port, method, path, body, token, headers, timeout=30)
        except RETRYABLE as e:
            now = time.monotonic()
            tally.saw("conn", now)
            trail.append(type(e).__name__)
            # The request may or may not have been applied before the connection broke.
            ambiguous = True
            if now - started > give_up_after:
                return {"status": None, "attempts": attempts, "ambiguous": ambiguous, "trail": trail}
            i += 1
            time.sleep(0.05)
            continue
        now = time.monotonic()
        cls = "2xx" if 200 <= st < 300 else str(st)
        tally.saw(cls, now, {"path": path, "body": data} if st >= 500 else None, sent=t_sent)
        trail.append(st)
        if st >= 500:
            if st != 503:
                ambiguous = True
            if now - started > give_up_after:
                return {"status": st, "attempts": attempts, "ambiguous": ambiguous, "trail": trail, "body": data}
            i += 1
            time.sleep(0.1)
            continue
        return {"status": st, "attempts": attempts, "ambiguous": ambiguous, "trail": trail, "body": data,
                "replayed": hdrs.get("idempotent-replayed") == "true", "at": now}


def client_loop(idx: int, tally: Tally, ports_fn, accounts: Accounts, stop: threading.Event,
                decide_share: float = 0.5, pace: float = 0.0) -> None:
    """One client: files (as its worker, under a fresh Idempotency-Key) and decides (as the
    commission's clerk: accept or request a correction) on the filings it made."""
    rnd = random.Random(idx)
    token, user_id = accounts.workers[idx]
    pending: list[tuple[str, str]] = []  # (case id, commission) still under review
    while not stop.is_set():
        if pending and rnd.random() < decide_share:
            case_id, commission = pending.pop(rnd.randrange(len(pending)))
            clerk_token, _ = accounts.clerks[commission]
            if rnd.random() < 0.67:
                command, body = "accept", {}
            else:
                command, body = "request_correction", {"items": ["evidence_list"], "note": "请补充证据清单"}
            r = send_retrying(tally, ports_fn(), "POST", f"/api/v1/cases/{case_id}/{command}", body, clerk_token)
            tally.record({"op": command, "case_id": case_id, "commission": commission, **r})
        else:
            n = tally.next_n()
            commission = "SIP" if n % 2 else "KS"
            key = str(uuid.uuid4())
            r = send_retrying(tally, ports_fn(), "POST", "/api/v1/filings", filing(n, commission), token,
                              headers={"Idempotency-Key": key})
            case_id = r.get("body", {}).get("id") if r.get("status") in (200, 201) else None
            tally.record({"op": "file", "n": n, "key": key, "user_id": user_id, "case_id": case_id,
                          "commission": commission, **r})
            if case_id:
                pending.append((case_id, commission))
        if pace:
            time.sleep(pace)


def start_clients(count: int, tally: Tally, ports_fn, accounts: Accounts, stop: threading.Event,
                  **kw) -> list[threading.Thread]:
    threads = [threading.Thread(target=client_loop, args=(i, tally, ports_fn, accounts, stop), kwargs=kw,
                                daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    return threads


# --------------------------------------------------------------------------------------------
# Checks against the database.
# --------------------------------------------------------------------------------------------

NUMBER_RE = re.compile(r"〔(\d{4})〕第(\d+)号")


def check_consistency(cluster: Cluster, db: str, tally: Tally) -> dict:
    """What the clients were told against what the database holds."""
    files = [o for o in tally.ops if o["op"] == "file"]
    decisions = [o for o in tally.ops if o["op"] != "file"]
    cases = {r[0]: r for r in cluster.psql(
        "SELECT id, status, coalesce(case_number,''), coalesce(commission_code,''), "
        "filing->'applicants'->0->>'id_number' FROM cases", db)}
    keys = {(r[0], r[1]): r[2] for r in cluster.psql(
        "SELECT user_id, key, coalesce(case_id::text,'') FROM idempotency_keys", db)}
    events = Counter((r[0], r[1]) for r in cluster.psql("SELECT case_id, kind FROM case_events", db))
    out: dict = {}
    ok_files = [o for o in files if o["status"] in (200, 201)]
    out["filings sent"] = len(files)
    out["filing 2xx answers"] = len(ok_files)
    out["filing answers replayed (200 Idempotent-Replayed)"] = sum(1 for o in ok_files if o.get("replayed"))
    out["filings retried after an ambiguous failure"] = sum(1 for o in files if o["ambiguous"])
    out["filings without a final answer (gave up)"] = sum(1 for o in files if o["status"] is None)
    out["filings refused (4xx)"] = sum(1 for o in files if o["status"] and 400 <= o["status"] < 500)
    found = [o for o in ok_files if o["case_id"] in cases]
    out["filing rows found for 2xx answers"] = len(found)
    key_bad = [o for o in ok_files if keys.get((o["user_id"], o["key"])) != o["case_id"]]
    out["2xx filings whose Idempotency-Key row does not name their case"] = len(key_bad)
    by_id_number = Counter(r[4] for r in cases.values())
    out["duplicate filings (same content twice)"] = sum(c - 1 for c in by_id_number.values() if c > 1)
    keyed_cases = set(keys.values())
    out["cases not produced by a recorded Idempotency-Key"] = sum(1 for cid in cases if cid not in keyed_cases)
    sent_ids = {o["case_id"] for o in ok_files}
    out["cases in the database no client was told about"] = sum(1 for cid in cases if cid not in sent_ids)
    # Decisions.
    kinds = {"accept": ("accepted", "accepted"), "request_correction": ("correction_requested", "awaiting_correction")}
    ok_dec = [o for o in decisions if o["status"] == 200]
    out["decisions sent"] = len(decisions)
    out["decision 2xx answers"] = len(ok_dec)
    out["decisions answered 409 after an ambiguous failure"] = sum(
        1 for o in decisions if o["status"] == 409 and o["ambiguous"])
    out["decisions refused otherwise (4xx)"] = sum(
        1 for o in decisions if o["status"] and 400 <= o["status"] < 500 and not (o["status"] == 409 and o["ambiguous"]))
    out["decisions without a final answer (gave up)"] = sum(1 for o in decisions if o["status"] is None)
    missing = 0
    for o in ok_dec:
        kind, status = kinds[o["op"]]
        row = cases.get(o["case_id"])
        if row is None or events[(o["case_id"], kind)] != 1 or row[1] != status:
            missing += 1
    out["decision 2xx answers whose rows are missing"] = missing
    ambiguous_409 = [o for o in decisions if o["status"] == 409 and o["ambiguous"]]
    out["ambiguous 409 decisions found applied once in the database"] = sum(
        1 for o in ambiguous_409 if events[(o["case_id"], kinds[o["op"]][0])] == 1)
    out["decisions recorded twice (two events of one kind on a case)"] = sum(
        1 for (cid, kind), c in events.items() if kind in ("accepted", "correction_requested") and c > 1)
    # Case numbers: gap-free per commission and year, and the counter at the highest number.
    per: dict[tuple[str, int], list[int]] = defaultdict(list)
    for r in cases.values():
        if r[2]:
            m = NUMBER_RE.search(r[2])
            per[(r[3], int(m.group(1)))].append(int(m.group(2)))
    counters = {(r[0], int(r[1])): int(r[2]) for r in cluster.psql(
        "SELECT commission_code, year, last_value FROM case_number_sequences", db)}
    gaps, dups, counter_off = 0, 0, 0
    series = []
    for (c, y), nums in sorted(per.items()):
        s = set(nums)
        dups += len(nums) - len(s)
        gaps += len(set(range(1, max(s) + 1)) - s)
        if counters.get((c, y)) != max(s):
            counter_off += 1
        series.append(f"{c} {y}: 1..{max(s)}")
    out["case numbers issued"] = sum(len(v) for v in per.values())
    out["case number series"] = "; ".join(series) or "none"
    out["case number gaps"] = gaps
    out["case numbers issued twice"] = dups
    out["counters not at the highest number"] = counter_off
    return out


def invariants_hold(figures: dict) -> bool:
    must_be_zero = [
        "2xx filings whose Idempotency-Key row does not name their case",
        "duplicate filings (same content twice)",
        "cases not produced by a recorded Idempotency-Key",
        "decision 2xx answers whose rows are missing",
        "decisions recorded twice (two events of one kind on a case)",
        "case number gaps",
        "case numbers issued twice",
        "counters not at the highest number",
    ]
    ok = all(figures.get(k, 0) == 0 for k in must_be_zero)
    ok = ok and figures.get("filing rows found for 2xx answers") == figures.get("filing 2xx answers")
    return ok


def print_figures(title: str, figures: dict) -> None:
    print(f"== {title}")
    width = max(len(k) for k in figures)
    for k, v in figures.items():
        if isinstance(v, float):
            v = f"{v:.3f}"
        print(f"  {k:<{width}}  {v}")
    sys.stdout.flush()


class Workdir:
    """A temporary directory for the cluster, logs and mail; kept when FAULTS_KEEP=1."""

    def __init__(self, name: str):
        self.path = tempfile.mkdtemp(prefix=f"faults-{name}-")
        os.chmod(self.path, 0o755)

    def cleanup(self) -> None:
        if os.environ.get("FAULTS_KEEP") == "1":
            log(f"kept {self.path}")
            return
        shutil.rmtree(self.path, ignore_errors=True)


def setup(name: str, preferred_port: int = 55432) -> tuple[Workdir, Cluster, str]:
    """A work directory, a private cluster started, a database migrated."""
    check_binary()
    # SIGTERM/SIGINT end the scenario through its `finally`: servers, relay and cluster stop.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(130))
    wd = Workdir(name)
    pgdir = os.path.join(wd.path, "cluster")
    os.mkdir(pgdir)
    cluster = Cluster(pgdir, preferred_port)
    cluster.start()
    db = f"faults_{name.replace('-', '_')}"
    cluster.create_database(db)
    log(f"private PostgreSQL on 127.0.0.1:{cluster.port}, database {db}, work dir {wd.path}")
    t = time.monotonic()
    cli(cluster.url(db), "migrate")
    log(f"migrated in {time.monotonic() - t:.1f} s")
    return wd, cluster, db


def ensure_aiosmtpd() -> None:
    r = subprocess.run([sys.executable, "-c", "import aiosmtpd"], capture_output=True)
    if r.returncode != 0:
        log("installing aiosmtpd with pip")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "aiosmtpd"], check=True)


class Sink:
    """The SMTP relay: smtp_sink.py (aiosmtpd) recording every message as one JSON line."""

    def __init__(self, workdir: str, port: int, delay: float = 0.0, name: str = "sink"):
        self.port, self.delay = port, delay
        self.out = os.path.join(workdir, f"{name}.jsonl")
        self.logpath = os.path.join(workdir, f"{name}.log")
        self.proc: subprocess.Popen | None = None

    def start(self) -> float:
        ensure_aiosmtpd()
        logf = open(self.logpath, "a")
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "smtp_sink.py"), "--port", str(self.port),
                                      "--out", self.out, "--delay", str(self.delay)], stdout=logf,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        logf.close()
        end = time.monotonic() + 20
        while not port_open(self.port):
            if time.monotonic() > end or self.proc.poll() is not None:
                raise RuntimeError(f"SMTP sink did not start; see {self.logpath}")
            time.sleep(0.02)
        return time.monotonic()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def messages(self) -> list[dict]:
        if not os.path.exists(self.out):
            return []
        with open(self.out) as f:
            return [json.loads(line) for line in f if line.strip()]


MSGID_RE = re.compile(r"<notice-(\d+)-(\d+)@[^>]+>")


def check_delivery(cluster: Cluster, db: str, messages: list[dict]) -> dict:
    """Every notice of the outbox against what the relay received (by Message-ID)."""
    rows = cluster.psql("SELECT id, recipient, sent_at IS NOT NULL, failed_at IS NOT NULL, attempts, "
                        "extract(epoch FROM created_at)::bigint FROM outbox", db)
    outbox = {int(r[0]): r for r in rows}
    ids = Counter(m.get("message_id", "") for m in messages)
    received: Counter = Counter()
    foreign = 0
    wrong_rcpt = 0
    for m in messages:
        mm = MSGID_RE.search(m.get("message_id", ""))
        if not mm or int(mm.group(1)) not in outbox:
            foreign += 1
            continue
        nid = int(mm.group(1))
        received[nid] += 1
        if outbox[nid][1] not in " ".join(m.get("rcpt", [])):
            wrong_rcpt += 1
    attempts = Counter(int(r[4]) for r in outbox.values())
    return {
        "notices queued": len(outbox),
        "notices marked sent": sum(1 for r in outbox.values() if r[2] == "t"),
        "notices given up (failed_at)": sum(1 for r in outbox.values() if r[3] == "t"),
        "notices still unsent": sum(1 for r in outbox.values() if r[2] != "t" and r[3] != "t"),
        "messages received by the relay": len(messages),
        "distinct notices delivered": len(received),
        "notices never delivered": sum(1 for nid in outbox if received[nid] == 0),
        "duplicate deliveries (same Message-ID again)": sum(c - 1 for c in ids.values() if c > 1),
        "notices delivered more than once": sum(1 for c in received.values() if c > 1),
        "messages with no notice behind them": foreign,
        "messages to another recipient than the notice's": wrong_rcpt,
        "attempts per notice (attempts: notices)": ", ".join(f"{a}: {c}" for a, c in sorted(attempts.items())),
    }


def unsent(cluster: Cluster, db: str) -> int:
    return int(cluster.scalar("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL", db))
