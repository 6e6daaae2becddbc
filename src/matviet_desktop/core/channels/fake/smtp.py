"""Fake SMTP server (aiosmtpd) with fault knobs: refuse a recipient with a code, or close the
connection after receiving DATA and before the final reply (outcome unknown to the sender)."""

from __future__ import annotations

import socket
from collections import Counter
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller

from matviet_desktop.devtools.pgcluster import free_port


class _Handler:
    def __init__(self, fake: FakeSmtp) -> None:
        self.fake = fake

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        code = self.fake.reject.get(address.lower())
        if code:
            return f"{code} rejected by fake"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mail = message_from_bytes(envelope.content)
        with_lock = self.fake
        with_lock.messages.append(mail)
        with_lock.data_count[str(mail.get("Message-ID"))] += 1
        if any(r.lower() in with_lock.drop_after_data for r in envelope.rcpt_tos):
            server.transport.close()  # the message is stored, the 250 never arrives
        return "250 Message accepted"


class FakeSmtp:
    def __init__(self, port: int = 0) -> None:
        self.port = port or free_port()
        self.messages: list[Message] = []
        self.data_count: Counter[str] = Counter()
        self.reject: dict[str, str] = {}
        self.drop_after_data: set[str] = set()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def start(self) -> FakeSmtp:
        # A taken port would only show as aiosmtpd's start-up timeout, after seconds, with its
        # event loop left open: try the port first.
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio's server does
            try:
                probe.bind(("127.0.0.1", self.port))
            except OSError:
                self.controller.loop.close()
                raise
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()
