"""two-servers: two server processes on one database, each running the outbox worker and the
early-warning sweep; no notice may be sent twice and no sweep may be done twice.

Phase A, a healthy relay: both processes sweep every second, with `clocks.at_risk_working_days`
raised to 10 so that the acceptance clock of every new filing (5 working days) is at risk at
once and each sweep has work; each commission has one head (supervisor), who is told of each
crossing; no arbitrator is assigned, so every warning mark must give exactly one notice. Eight
client threads file and decide through both processes. Checked: Message-IDs received twice,
sweep notices queued twice for one clock and threshold, marks against notices, sweeps run by
each process.

Phase B, a slow relay: the relay holds each message FAULTS_SLOW_RELAY_DELAY seconds (default 4,
under the service's 10 s SMTP timeout) before accepting it. While the relay is down, 13 filings
queue 26 notices through one process (sweep off), which is then stopped. When every notice is
due, the slow relay starts, then process a2 (its worker claims a batch of 20 under the 60 s
lease and sends them one after the other: 80 s), and 3 s later process b2 (it claims the
other 6, is done after about 24 s, then polls every second). Checked: whether b2 takes over
the notices a2 has not sent yet when the lease runs out while a2 still sends them.

    python3 two_servers.py [--quick]
"""

import os
import sys
import threading
import time

import common as c


def sweep_figures(cluster: c.Cluster, db: str) -> dict:
    marks = int(cluster.scalar("SELECT count(*) FROM clock_warnings", db))
    notices = int(cluster.scalar("SELECT count(*) FROM outbox WHERE kind LIKE 'clock.%'", db))
    twice = int(cluster.scalar(
        "SELECT count(*) FROM (SELECT 1 FROM outbox WHERE kind LIKE 'clock.%' "
        "GROUP BY case_id, kind, recipient HAVING count(*) > 1) d", db))
    # Each mark must have exactly one notice (one head per commission, no arbitrator assigned).
    unmatched = int(cluster.scalar(
        "SELECT count(*) FROM clock_warnings w WHERE (SELECT count(*) FROM outbox o WHERE o.case_id = w.case_id "
        "AND o.kind = 'clock.' || w.threshold || '.' || w.rule) <> 1", db))
    sweeps = int(cluster.scalar("SELECT count(DISTINCT marked_at) FROM clock_warnings", db))
    return {
        "warning marks (clock_warnings rows)": marks,
        "sweep notices queued (kind clock.*)": notices,
        "sweeps that marked something (distinct marked_at)": sweeps,
        "sweep notices queued twice (same case, kind, recipient)": twice,
        "marks without exactly one notice": unmatched,
    }


def drain(cluster: c.Cluster, db: str, timeout: float) -> float | None:
    t = time.monotonic()
    while time.monotonic() - t < timeout:
        if c.unsent(cluster, db) == 0:
            return time.monotonic() - t
        time.sleep(0.5)
    return None


def main(quick: bool) -> int:
    duration = 45.0 if quick else 150.0
    burst = 13  # 26 notices: one batch of 20 and one of 6
    delay = float(os.environ.get("FAULTS_SLOW_RELAY_DELAY", 4))
    threads = 8
    wd, cluster, db = c.setup("two-servers")
    smtp_port = c.free_port()
    env = {"APP__EMAIL__TRANSPORT": "smtp", "APP__EMAIL__SMTP_HOST": "127.0.0.1",
           "APP__EMAIL__SMTP_PORT": str(smtp_port), "APP__CLOCKS__SWEEP_INTERVAL_SECONDS": "1",
           "APP__CLOCKS__AT_RISK_WORKING_DAYS": "10"}
    servers = [c.Server(n, wd.path, cluster.url(db), extra_env=env) for n in ("a", "b")]
    sink = c.Sink(wd.path, smtp_port, name="sink-a")
    slow = c.Sink(wd.path, smtp_port, delay=delay, name="sink-b-slow")
    ok = True
    try:
        sink.start()
        # Both started at the same instant, so that their sweep ticks coincide and contend for
        # the lock (and both load the reference data at once).
        for s in servers:
            s.start()
        for s in servers:
            s.wait_ready()
        accounts = c.Accounts(cluster.url(db), servers[0].port, threads, supervisors=True)
        ports = [s.port for s in servers]
        # ---- Phase A
        tally, stop = c.Tally(), threading.Event()
        t0 = time.monotonic()
        clients = c.start_clients(threads, tally, lambda: ports, accounts, stop, pace=0.5)
        time.sleep(duration)
        stop.set()
        for t in clients:
            t.join(timeout=120)
        load_s = time.monotonic() - t0
        # One more sweep interval for the last filings, then the backlog.
        time.sleep(3.0)
        drained = drain(cluster, db, 300)
        time.sleep(3.0)
        metrics = [s.metrics() for s in servers]
        sink.stop()
        fig_a = {"load (s)": round(load_s, 1), "client threads (through both processes)": threads,
                 "filings / decisions": (f"{sum(1 for o in tally.ops if o['op'] == 'file')} / "
                                         f"{sum(1 for o in tally.ops if o['op'] != 'file')}"),
                 "answers seen by clients": ", ".join(f"{k}: {v}" for k, v in sorted(tally.answers.items())),
                 "load end -> outbox empty (s)": round(drained + 3.0, 2) if drained is not None else "not drained"}
        for name, m in zip(("a", "b"), metrics):
            fig_a[f"process {name}: sweeps swept / skipped / error"] = " / ".join(
                str(int(m.get(f'arbitration_sweep_runs_total{{outcome="{o}"}}', 0)))
                for o in ("swept", "skipped", "error"))
            fig_a[f"process {name}: notices sent"] = int(m.get('arbitration_outbox_deliveries_total{outcome="sent"}', 0))
            runs = m.get("arbitration_sweep_duration_seconds_count", 0)
            fig_a[f"process {name}: mean sweep duration (s)"] = (
                round(m.get("arbitration_sweep_duration_seconds_sum", 0) / runs, 3) if runs else "no sweep")
        fig_a.update(sweep_figures(cluster, db))
        fig_a.update(c.check_delivery(cluster, db, sink.messages()))
        cons = c.check_consistency(cluster, db, tally)
        fig_a.update({k: v for k, v in cons.items() if "case number" in k or "duplicate filings" in k})
        ok_a = (drained is not None and fig_a["duplicate deliveries (same Message-ID again)"] == 0
                and fig_a["notices never delivered"] == 0
                and fig_a["sweep notices queued twice (same case, kind, recipient)"] == 0
                and fig_a["marks without exactly one notice"] == 0
                and all(fig_a[f"process {n}: sweeps swept / skipped / error"].split(" / ")[2] == "0" for n in "ab"))
        fig_a["no notice twice, no sweep twice"] = "held" if ok_a else "VIOLATED"
        c.print_figures("two processes, healthy relay (phase A)" + (" (quick)" if quick else ""), fig_a)
        # ---- Phase B: a backlog of N > 20 notices, a slow relay, the two workers started apart.
        for s in servers:
            s.stop()
        env_b = dict(env, APP__CLOCKS__SWEEP_INTERVAL_SECONDS="0")
        servers_b = [c.Server(n, wd.path, cluster.url(db), extra_env=env_b) for n in ("a2", "b2")]
        servers.extend(servers_b)
        before = int(cluster.scalar("SELECT coalesce(max(id), 0) FROM outbox", db))
        # The relay is down while the burst is queued through one process.
        servers_b[0].start()
        servers_b[0].wait_ready()
        tally_b = c.Tally()
        tally_b.n = 100000
        token, user_id = accounts.workers[0]
        for _ in range(burst):
            n = tally_b.next_n()
            commission = "SIP" if n % 2 else "KS"
            key = str(c.uuid.uuid4())
            r = c.send_retrying(tally_b, [servers_b[0].port], "POST", "/api/v1/filings", c.filing(n, commission),
                                token, headers={"Idempotency-Key": key})
            tally_b.record({"op": "file", "n": n, "key": key, "user_id": user_id, "commission": commission,
                            "case_id": (r.get("body") or {}).get("id"), **r})
        servers_b[0].stop()
        queued_b = int(cluster.scalar(f"SELECT count(*) FROM outbox WHERE id > {before}", db))
        # Every notice of the backlog due again (its last backoff is a few seconds).
        while int(cluster.scalar(f"SELECT count(*) FROM outbox WHERE id > {before} AND sent_at IS NULL "
                                 "AND next_attempt_at > now()", db)) > 0:
            time.sleep(0.5)
        slow.start()
        t1 = time.monotonic()
        servers_b[0].start()  # its worker claims a batch of 20 at once
        servers_b[0].wait_ready()
        time.sleep(3.0)
        servers_b[1].start()  # claims the rest, is done early, then polls every second
        servers_b[1].wait_ready()
        drained_b = drain(cluster, db, queued_b * delay + 300)
        time.sleep(max(5.0, delay * 3))
        metrics_b = [s.metrics() for s in servers_b]
        slow.stop()
        msgs_b = slow.messages()
        ids_b = c.Counter(m["message_id"] for m in msgs_b)
        twice = {mid: n for mid, n in ids_b.items() if n > 1}
        fig_b = {
            "relay delay per message (s)": delay,
            "filings in the burst": burst,
            "notices queued in the backlog": queued_b,
            "relay up -> outbox empty (s)": round(time.monotonic() - t1, 1) if drained_b is not None else "not drained",
            "messages received": len(msgs_b),
            "distinct Message-IDs": len(ids_b),
            "duplicate deliveries (same Message-ID again)": sum(n - 1 for n in twice.values()),
            "Message-IDs received twice": " ".join(sorted(twice)) or "none",
            "notices never delivered": int(cluster.scalar(
                f"SELECT count(*) FROM outbox WHERE id > {before} AND sent_at IS NULL", db)),
        }
        for name, m in zip(("a2", "b2"), metrics_b):
            fig_b[f"process {name}: notices sent"] = int(m.get('arbitration_outbox_deliveries_total{outcome="sent"}', 0))
        ok_b = fig_b["duplicate deliveries (same Message-ID again)"] == 0 and fig_b["notices never delivered"] == 0
        fig_b["no notice twice"] = "held" if ok_b else "VIOLATED"
        for s in servers:
            s.stop()
        c.print_figures("two processes, slow relay (phase B)" + (" (quick)" if quick else ""), fig_b)
        ok = ok_a and ok_b
        return 0 if ok else 1
    finally:
        for s in servers:
            s.kill()
        sink.stop()
        slow.stop()
        cluster.stop()
        wd.cleanup()


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv[1:]))
