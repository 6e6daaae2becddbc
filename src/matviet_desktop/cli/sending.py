"""`matviet send-worker` (headless sending runner) and `matviet fake-providers`."""

from __future__ import annotations

import logging
import signal
import threading
import uuid
from typing import Annotated

import typer

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit
from matviet_desktop.core.connection import resolve_database


def send_worker(
    database_url: DatabaseUrl = None,
    campaign: Annotated[str | None, typer.Option("--campaign", help="Chỉ gửi chiến dịch này (UUID).")] = None,
    until_idle: Annotated[
        bool, typer.Option("--until-idle", help="Dừng khi không còn tin nào đến hạn gửi.")
    ] = False,
    as_json: JsonOutput = False,
) -> None:
    """Gửi tin của các chiến dịch đang ở trạng thái 'sending' (nhiều máy có thể chạy cùng lúc)."""
    from matviet_desktop.core.sending.runner import run_worker

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    campaign_id = uuid.UUID(campaign) if campaign else None
    payload = run_worker(resolve_database(database_url).url, campaign_id, until_idle=until_idle)
    emit(
        payload,
        as_json,
        f"Đã gửi {payload['accepted']} tin, lỗi {payload['failed']}, chưa rõ {payload['in_doubt']}.",
    )


def fake_providers(
    port: Annotated[
        int, typer.Option("--port", help="Cổng HTTP (eSMS, Zalo, Mailgun); SMTP dùng cổng kế tiếp.")
    ] = 8765,
) -> None:
    """Chạy các máy chủ giả lập eSMS, Zalo ZNS, Mailgun và SMTP trên 127.0.0.1 (chế độ demo/kiểm thử)."""
    from matviet_desktop.core.channels.fake.all import start_all

    # The handler goes in before the servers answer: a SIGTERM right after the first answer
    # must still end in a clean stop.
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    fakes = start_all(port)
    typer.echo(f"eSMS/Zalo/Mailgun: {fakes.http.url}   SMTP: 127.0.0.1:{fakes.smtp_port}")
    typer.echo("Khóa eSMS giả: ApiKey=key SecretKey=secret Brandname=MATVIET. Ctrl+C để dừng.")
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        fakes.stop()
