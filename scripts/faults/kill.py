"""kill: SIGKILL of the server process under a load of filings and decisions, then a restart.

Eight client threads file (each as its own worker, a fresh Idempotency-Key per filing) and
decide on their filings as the commission's clerk (accept, or request a correction), retrying
the same request on connection errors and 5xx. The server is killed with SIGKILL several
times and started again at once on the same port. Afterwards the database is compared with
what the clients were told.

    python3 kill.py [--quick]
"""

import signal
import sys
import threading
import time

import common as c


def main(quick: bool) -> int:
    duration = 45.0 if quick else 150.0
    kills = 2 if quick else 5
    threads = 8
    wd, cluster, db = c.setup("kill")
    server = c.Server("kill", wd.path, cluster.url(db))
    try:
        server.start()
        server.wait_ready()
        accounts = c.Accounts(cluster.url(db), server.port, threads)
        tally, stop = c.Tally(), threading.Event()
        t0 = time.monotonic()
        clients = c.start_clients(threads, tally, lambda: [server.port], accounts, stop)
        restarts = []
        for k in range(kills):
            time.sleep(max(0.0, t0 + duration * (k + 1) / (kills + 1) - time.monotonic()))
            t_kill = time.monotonic()
            server.kill(signal.SIGKILL)
            t_spawn = server.start()
            t_ready = server.wait_ready()
            restarts.append((t_kill, t_spawn, t_ready))
            c.log(f"kill {k + 1}: restarted, /readyz 200 after {t_ready - t_spawn:.3f} s")
        time.sleep(max(0.0, t0 + duration - time.monotonic()))
        stop.set()
        for t in clients:
            t.join(timeout=180)
        load_seconds = time.monotonic() - t0
        server.stop()
        figures = {"load (s)": round(load_seconds, 1), "client threads": threads, "SIGKILLs": kills}
        for k, (t_kill, t_spawn, t_ready) in enumerate(restarts, 1):
            # Requests sent after the kill can only have been answered by the new process.
            first = tally.first_ok_after(t_kill)
            figures[f"restart {k}: spawn -> /readyz 200 (s)"] = round(t_ready - t_spawn, 3)
            figures[f"restart {k}: spawn -> first 2xx to a client (s)"] = (
                round(first - t_spawn, 3) if first else "none")
            figures[f"restart {k}: kill -> first 2xx to a client (s)"] = round(first - t_kill, 3) if first else "none"
        figures["answers seen by clients"] = ", ".join(f"{k}: {v}" for k, v in sorted(tally.answers.items()))
        figures.update(c.check_consistency(cluster, db, tally))
        ok = c.invariants_hold(figures) and tally.answers.get("500", 0) == 0
        figures["invariants"] = "held" if ok else "VIOLATED"
        c.print_figures("kill -9 under load" + (" (quick)" if quick else ""), figures)
        return 0 if ok else 1
    finally:
        server.kill()
        cluster.stop()
        wd.cleanup()


if __name__ == "__main__":
    sys.exit(main("--quick" in sys.argv[1:]))
