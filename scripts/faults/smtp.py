"""smtp: the SMTP relay is down for a long stretch while two server processes (each with its
outbox worker) queue notices on one database; then the relay comes back.

Both processes send by SMTP to a port where nothing listens (connection refused). Four client
threads file and decide through both processes during the outage, one operation a second
each (a filing queues two notices, an acceptance or a correction request queues its own).
When the outage ends, an aiosmtpd relay starts on that port and records every message; the
script waits until the outbox is empty and then compares each notice with what the relay
received, by Message-ID (<notice-{id}-…@…>).

    python3 smtp.py [--quick]        outage 60 s (quick) or 300 s; FAULTS_SMTP_OUTAGE=seconds overrides
"""

import os
import sys
import threading
import time

import common as c


def main(quick: bool) -> int:
    outage = float(os.environ.get("FAULTS_SMTP_OUTAGE", 60 if quick else 300))
    threads = 4
    wd, cluster, db = c.setup("smtp")
    smtp_port = c.free_port()
    env = {"APP__EMAIL__TRANSPORT": "smtp", "APP__EMAIL__SMTP_HOST": "127.0.0.1",
           "APP__EMAIL__SMTP_PORT": str(smtp_port)}
    servers = [c.Server(n, wd.path, cluster.url(db), extra_env=env) for n in ("a", "b")]
    sink = c.Sink(wd.path, smtp_port)
    try:
        c.ensure_aiosmtpd()
        for s in servers:
            s.start()
            s.wait_ready()
        accounts = c.Accounts(cluster.url(db), servers[0].port, threads)
        ports = [s.port for s in servers]
        tally, stop = c.Tally(), threading.Event()
        t_down = time.monotonic()
        c.log(f"relay down (nothing on 127.0.0.1:{smtp_port}) for {outage:.0f} s; load through both servers")
        clients = c.start_clients(threads, tally, lambda: ports, accounts, stop, pace=1.0)
        # Load for the outage, less a few seconds so that the last notices have failed once.
        time.sleep(max(0.0, outage - 5.0))
        stop.set()
        for t in clients:
            t.join(timeout=120)
        time.sleep(max(0.0, t_down + outage - time.monotonic()))
        queued = int(cluster.scalar("SELECT count(*) FROM outbox", db))
        tried = int(cluster.scalar("SELECT count(*) FROM outbox WHERE attempts > 0 AND sent_at IS NULL", db))
        max_attempts = cluster.scalar("SELECT max(attempts) FROM outbox", db)
        t_up = sink.start()
        t_up_wall = time.time()
        c.log(f"relay up after {outage:.0f} s; {queued} notices queued, {tried} failed at least once "
              f"(at most {max_attempts} attempts)")
        deadline = t_up + 900 + 120
        t_drained = None
        while time.monotonic() < deadline:
            if c.unsent(cluster, db) == 0:
                t_drained = time.monotonic()
                break
            time.sleep(0.5)
        time.sleep(5.0)  # late duplicates, if any, would arrive now
        metrics = [s.metrics() for s in servers]
        for s in servers:
            s.stop()
        sink.stop()
        messages = sink.messages()
        last = max((m["t"] for m in messages), default=None)
        figures = {
            "relay outage (s)": outage,
            "server processes (each with its outbox worker)": len(servers),
            "filings / decisions made during the outage": (
                f"{sum(1 for o in tally.ops if o['op'] == 'file')} / {sum(1 for o in tally.ops if o['op'] != 'file')}"),
            "notices with a failed attempt when the relay returned": tried,
            "notices not tried yet when the relay returned": queued - tried,
            "most attempts of one notice when the relay returned": max_attempts,
            "time to drain: relay up -> outbox empty (s)": round(t_drained - t_up, 2) if t_drained else "not drained",
            "relay up -> last message received (s)": (
                round(last - t_up_wall, 2) if last else "none"),
        }
        for name, m in zip(("a", "b"), metrics):
            figures[f"process {name}: deliveries sent / retrying / failed"] = " / ".join(
                str(int(m.get(f'arbitration_outbox_deliveries_total{{outcome="{o}"}}', 0)))
                for o in ("sent", "retrying", "failed"))
        figures.update(c.check_delivery(cluster, db, messages))
        figures.update({k: v for k, v in c.check_consistency(cluster, db, tally).items() if "case number" in k})
        ok = (t_drained is not None and figures["notices never delivered"] == 0
              and figures["duplicate deliveries (same Message-ID again)"] == 0
              and figures["messages with no notice behind them"] == 0
              and figures["messages to another recipient than the notice's"] == 0)
        figures["every notice delivered once"] = "yes" if ok else "NO"
        c.print_figures(f"SMTP relay down {outage:.0f} s, two processes" + (" (quick)" if quick else ""), figures)
        return 0 if ok else 1
    finally:
        for s in servers:
            s.kill()
        sink.stop()
        cluster.stop()
        wd.cleanup()


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv[1:]))
