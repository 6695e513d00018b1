"""pg-restart: the database stops and comes back under load; the service is not restarted.

A private PostgreSQL cluster (never the shared server on 5432) serves one server process.
Eight client threads file and decide as in `kill`, retrying the same request on connection
errors and 5xx. A probe reads /readyz every 50 ms. The cluster is stopped (`pg_ctl stop -m
fast`, and in the full run also `-m immediate`, the crash-like stop with recovery at start),
left down for a while, and started again. Measured: when /readyz turned false and true again,
how long after the database accepted connections the service answered 2xx again, and every
answer by class (500 should never come; 503 is the expected answer while it is down).

    python3 pg_restart.py [--quick]
"""

import sys
import threading
import time

import common as c


def main(quick: bool) -> int:
    outages = [("fast", 5.0)] if quick else [("fast", 5.0), ("fast", 30.0), ("immediate", 10.0)]
    warm, after = (8.0, 12.0) if quick else (10.0, 20.0)
    threads = 8
    wd, cluster, db = c.setup("pg-restart")
    server = c.Server("pg", wd.path, cluster.url(db))
    probes: list[tuple[float, int | None]] = []
    probe_stop = threading.Event()

    def probe():
        while not probe_stop.is_set():
            t = time.monotonic()
            try:
                st, _, _ = c.request(server.port, "GET", "/readyz", timeout=10)
            except c.RETRYABLE:
                st = None
            probes.append((t, st))
            time.sleep(0.05)

    try:
        server.start()
        server.wait_ready()
        accounts = c.Accounts(cluster.url(db), server.port, threads)
        tally, stop = c.Tally(), threading.Event()
        t0 = time.monotonic()
        prober = threading.Thread(target=probe, daemon=True)
        prober.start()
        clients = c.start_clients(threads, tally, lambda: [server.port], accounts, stop)
        windows = []
        time.sleep(warm)
        for mode, down in outages:
            t_stop = time.monotonic()
            cluster.stop(mode)
            t_down = time.monotonic()
            c.log(f"PostgreSQL stopped (-m {mode}) in {t_down - t_stop:.2f} s; down for {down:.0f} s")
            time.sleep(down)
            t_start = time.monotonic()
            cluster.start()
            t_back = time.monotonic()
            c.log(f"PostgreSQL accepting connections again ({t_back - t_start:.2f} s to start)")
            time.sleep(after)
            windows.append((mode, down, t_stop, t_down, t_start, t_back))
        stop.set()
        for t in clients:
            t.join(timeout=180)
        probe_stop.set()
        prober.join(timeout=15)
        server.stop()
        figures = {"load (s)": round(time.monotonic() - t0, 1), "client threads": threads}
        ok = True
        for k, (mode, down, t_stop, t_down, t_start, t_back) in enumerate(windows, 1):
            p = f"outage {k} (-m {mode}, {down:.0f} s)"
            false_at = next((t for t, st in probes if t >= t_stop and st != 200), None)
            true_at = next((t for t, st in probes if t >= t_back and st == 200), None)
            first_ok = tally.first_ok_after(t_back)
            figures[f"{p}: /readyz false after the stop began (s)"] = (
                round(false_at - t_stop, 3) if false_at else "never false")
            figures[f"{p}: /readyz answers during the outage"] = ", ".join(
                f"{k2}: {v}" for k2, v in sorted(c.Counter(str(st) for t, st in probes if t_down <= t < t_start).items()))
            figures[f"{p}: /readyz true after the database was back (s)"] = (
                round(true_at - t_back, 3) if true_at else "never")
            figures[f"{p}: first 2xx to a client after the database was back (s)"] = (
                round(first_ok - t_back, 3) if first_ok else "never")
            window_errors = c.Counter(cls for t, cls in tally.errors if t_stop <= t < t_back + after)
            figures[f"{p}: errors seen by clients from the stop to {after:.0f} s after the return"] = ", ".join(
                f"{k2}: {v}" for k2, v in sorted(window_errors.items())) or "none"
            if not first_ok or first_ok - t_back > 5.0 or false_at is None or true_at is None:
                ok = False
        figures["answers seen by clients"] = ", ".join(f"{k}: {v}" for k, v in sorted(tally.answers.items()))
        figures["500 answers"] = tally.answers.get("500", 0)
        for cls, bodies in sorted(tally.samples.items()):
            if cls != "503":
                figures[f"sample {cls} bodies"] = " | ".join(str(b)[:300] for b in bodies)
        figures.update(c.check_consistency(cluster, db, tally))
        ok = ok and c.invariants_hold(figures) and figures["500 answers"] == 0
        figures["targets (500s = 0, 2xx within 5 s of the return, invariants)"] = "met" if ok else "NOT MET"
        c.print_figures("PostgreSQL restart under load" + (" (quick)" if quick else ""), figures)
        return 0 if ok else 1
    finally:
        probe_stop.set()
        server.kill()
        cluster.stop()
        wd.cleanup()


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv[1:]))
