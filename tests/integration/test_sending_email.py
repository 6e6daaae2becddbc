"""Email over SMTP against a fake SMTP server: advertising headers, permanent refusals, and no
automatic resend when the outcome is unknown (research §6.3 test 5)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from matviet_desktop.core.channels.email_smtp import SmtpChannel
from matviet_desktop.core.channels.fake.smtp import FakeSmtp
from matviet_desktop.core.sending.engine import EngineConfig, SendEngine
from tests.integration.sending_support import FAST, assert_complete, connect, make_campaign


@contextmanager
def fake_smtp() -> Iterator[FakeSmtp]:
    server = FakeSmtp().start()
    try:
        yield server
    finally:
        server.stop()


def smtp_channel_factory(server: FakeSmtp):
    settings = {
        "host": "127.0.0.1",
        "port": str(server.port),
        "starttls": "0",
        "from_address": "khuyenmai@matviet.vn",
        "unsubscribe_mailto": "huy@matviet.vn",
        "unsubscribe_url": "https://matviet.vn/huy",
        "timeout_s": "5",
    }
    return lambda provider: SmtpChannel(settings)


def test_email_campaign_with_refusal_and_unknown_outcome(engine, db_url) -> None:
    cid = make_campaign(engine, 6, campaign_type="email", purpose="advertising")
    with fake_smtp() as smtp:
        smtp.reject = {"k1@example.vn": "550"}
        smtp.drop_after_data = {"k2@example.vn"}
        worker = SendEngine(
            db_url,
            config=EngineConfig(**{**FAST, "rate_per_s": 1000}),
            channel_factory=smtp_channel_factory(smtp),
        )
        stats = worker.run(cid, until_idle=True)
        worker.close()
        received = {m["To"]: m for m in smtp.messages}
        assert set(received) == {
            "k0@example.vn",
            "k2@example.vn",
            "k3@example.vn",
            "k4@example.vn",
            "k5@example.vn",
        }
        assert all(n == 1 for n in smtp.data_count.values())  # nothing was sent twice
        ad = received["k0@example.vn"]
        assert ad["Subject"].startswith("[QC] ")
        assert (
            "mailto:huy@matviet.vn" in ad["List-Unsubscribe"]
            and "https://matviet.vn/huy/" in ad["List-Unsubscribe"]
        )
        assert ad["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert ad.get_payload().rstrip().endswith("“TU CHOI”.")
    assert stats.in_doubt == 1
    with connect(db_url) as conn:
        rows = dict(
            conn.execute(
                "SELECT email, status || ':' || coalesce(provider_code, '') || ':' || coalesce(failure_class, '') "
                "FROM campaign_targets WHERE campaign_id = %s",
                (cid,),
            ).fetchall()
        )
    assert rows["k1@example.vn"] == "failed:SMTP550:permanent"
    assert rows["k2@example.vn"] == "in_doubt:SMTPDATA:in_doubt"
    assert assert_complete(db_url, cid) == {"accepted": 4, "failed": 1, "in_doubt": 1}
