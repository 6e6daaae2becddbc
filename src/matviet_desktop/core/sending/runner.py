"""Headless worker process: `python -m matviet_desktop.core.sending.runner [--campaign ID]
[--until-idle]` prints its counters as JSON. `matviet send-worker` is the same with the CLI
around it; this entry point starts faster (no CLI imports), which fault tests and servers like."""

from __future__ import annotations

import json
import signal
import sys
import threading
import uuid

from matviet_desktop.core.sending.engine import EngineConfig, SendEngine


def run_worker(url: str, campaign_id: uuid.UUID | None, *, until_idle: bool) -> dict[str, object]:
    stop = threading.Event()
    # SIGTERM/SIGINT: finish in-flight sends, give back the rest of the claim, exit cleanly.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    engine = SendEngine(url, config=EngineConfig.from_env())
    try:
        stats = engine.run(campaign_id, until_idle=until_idle, stop_event=stop)
    finally:
        engine.close()
    return {"worker_id": str(engine.worker_id), **stats.as_dict()}


def main(argv: list[str]) -> int:
    url = argv[argv.index("--database-url") + 1]
    campaign = uuid.UUID(argv[argv.index("--campaign") + 1]) if "--campaign" in argv else None
    print(json.dumps(run_worker(url, campaign, until_idle="--until-idle" in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
