"""A real SMTP relay on loopback (aiosmtpd) that accepts every message and appends one JSON
line per message to a file: the time, the Message-ID, the envelope recipients and the subject.

    python3 smtp_sink.py --port 2525 --out messages.jsonl [--delay 4.0]

--delay holds the answer to DATA for that many seconds before the 250 reply, as a congested
relay does (the client's timeout in the service is 10 s per command).
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import time

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, out: str, delay: float):
        self.out = out
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        line = {
            "t": time.time(),
            "message_id": str(msg.get("Message-ID", "")).strip(),
            "rcpt": list(envelope.rcpt_tos),
            "subject": str(msg.get("Subject", "")),
        }
        with open(self.out, "a") as f:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        return "250 Message accepted for delivery"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--delay", type=float, default=0.0)
    a = p.parse_args()
    controller = Controller(Recorder(a.out, a.delay), hostname="127.0.0.1", port=a.port)
    controller.start()
    print(f"smtp sink on 127.0.0.1:{a.port}, delay {a.delay} s, writing {a.out}", flush=True)
    stop = {"now": False}

    def on_term(*_):
        stop["now"] = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    try:
        while not stop["now"]:
            time.sleep(0.2)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
