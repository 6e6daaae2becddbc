"""Channel adapters against their fakes: eSMS account calls and delivery polling, Zalo ZNS with
OAuth refresh-token rotation under a database lock, Mailgun with pollable events, settings."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import httpx
import pytest
from sqlalchemy import text

from matviet_desktop.core.channels import settings as provider_settings
from matviet_desktop.core.channels.base import OutboundMessage
from matviet_desktop.core.channels.esms import EsmsClient
from matviet_desktop.core.channels.fake.all import start_all
from matviet_desktop.core.channels.mailgun import MailgunClient
from matviet_desktop.core.channels.zalo_zns import TokenStore, ZaloZnsClient
from matviet_desktop.core.sending import delivery
from matviet_desktop.core.sending.engine import EngineConfig, SendEngine
from matviet_desktop.core.sending.errors import Outcome
from tests.integration.sending_support import FAST, SRC, assert_complete, connect, fake_esms, make_campaign


def _run(db_url, factory, cid) -> None:
    worker = SendEngine(db_url, config=EngineConfig(**{**FAST, "rate_per_s": 1000}), channel_factory=factory)
    worker.run(cid, until_idle=True)
    worker.close()


def test_esms_account_calls_and_sandbox() -> None:
    with fake_esms() as provider:
        client = EsmsClient(provider.settings())
        assert client.balance() == 10_000_000
        assert {b["Brandname"] for b in client.brandnames()} == {"MATVIET"}
        assert "{P1,30}" in client.templates()[0]["TempContent"]
        assert client.price_estimate("+84901234567", "x" * 200)["TotalPrice"] == 2 * 850
        sandbox = EsmsClient(provider.settings(sandbox="1"))
        result = sandbox.send(OutboundMessage(request_id="sb-1", phone="+84901234567", content="thu"))
        assert result.outcome == Outcome.ACCEPTED and provider.esms.total_accepted == 0  # validated, not sent
        wrong = EsmsClient({**provider.settings(), "secret_key": "nope"})
        assert (
            wrong.send(OutboundMessage(request_id="x-1", phone="0901234567", content="a")).outcome
            == Outcome.ACCOUNT
        )
        for c in (client, sandbox, wrong):
            c.close()


def test_esms_delivery_results_appear_later_with_cost_and_engagements(engine, db_url) -> None:
    cid = make_campaign(engine, 10)
    with fake_esms() as provider:
        provider.esms.faults.deliver_after_s = 3600  # carrier reports arrive later
        provider.esms.faults.undeliverable = {"0900000003"}
        _run(db_url, provider.factory(), cid)
        assert delivery.poll_delivery(db_url, campaign_id=cid, channel_factory=provider.factory()) == {}
        assert assert_complete(db_url, cid) == {"accepted": 10}
        provider.esms.deliver_now()
        counts = delivery.poll_delivery(db_url, campaign_id=cid, channel_factory=provider.factory())
    assert counts["delivered"] == 9 and counts["failed"] == 1
    with connect(db_url) as conn:
        row = conn.execute(
            "SELECT count(delivered_at), sum(cost) FROM campaign_targets WHERE campaign_id = %s AND status = 'delivered'",
            (cid,),
        ).fetchone()
        total = conn.execute("SELECT total_cost FROM campaigns WHERE id = %s", (cid,)).fetchone()
        kinds = dict(
            conn.execute(
                "SELECT engagement_type, count(*) FROM customer_engagements WHERE reference_id = %s GROUP BY 1",
                (cid,),
            ).fetchall()
        )
    assert row == (9, 9 * 850) and total == (9 * 850,)
    assert kinds == {"campaign_sent": 10, "campaign_delivered": 9}
    assert_complete(db_url, cid)


def test_in_doubt_esms_sends_are_reconciled(engine, db_url) -> None:
    cid = make_campaign(engine, 4)
    with fake_esms() as provider:
        _run(db_url, provider.factory(), cid)
        with engine.begin() as conn:  # as if two crashed past the de-dup window; one never reached eSMS
            conn.execute(
                text(
                    "UPDATE campaign_targets SET status = 'in_doubt', failure_class = 'in_doubt', error_message = 'x' "
                    "WHERE campaign_id = :c AND phone IN ('+84900000000', '+84900000001')"
                ),
                {"c": cid},
            )
            conn.execute(
                text(
                    "UPDATE campaign_targets SET request_id = 'never-sent-1' WHERE campaign_id = :c AND phone = '+84900000001'"
                ),
                {"c": cid},
            )
        provider.esms.by_sms = {k: v for k, v in provider.esms.by_sms.items() if v.phones != ["0900000001"]}
        result = delivery.reconcile_in_doubt(db_url, campaign_id=cid, channel_factory=provider.factory())
    assert result == {"accepted": 1, "failed": 1}
    assert assert_complete(db_url, cid) == {"accepted": 3, "failed": 1}


def test_zalo_refresh_token_rotates_once_across_workstations(db_url) -> None:
    fakes = start_all()
    try:
        settings = fakes.settings()["zalo_zns"]
        stores = [TokenStore(db_url, settings, httpx.Client()) for _ in range(4)]
        stores[0].seed(fakes.zalo.refresh_token)
        barrier = threading.Barrier(4)
        tokens: list[str] = []

        def workstation(store: TokenStore) -> None:
            barrier.wait()
            tokens.append(store.access_token())

        threads = [threading.Thread(target=workstation, args=(s,)) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert len(tokens) == 4 and len(set(tokens)) == 1  # everyone uses the one new token
        assert sum(s.refreshes for s in stores) == 1 and fakes.zalo.reused_refresh == 0
        # An expired access token (-124) is refreshed once, then the send goes through.
        fakes.zalo.expire_access_tokens()
        client = ZaloZnsClient(settings, database_url=db_url)
        ok = client.send(
            OutboundMessage(
                request_id="z-1",
                phone="+84900000001",
                template_id="7895417",
                template_data={"customer_name": "Lan", "order_code": "DH1"},
            )
        )
        assert ok.outcome == Outcome.ACCEPTED and ok.provider_msg_id
        assert fakes.zalo.reused_refresh == 0 and len(fakes.zalo.used_refresh) == 2
        missing = client.send(
            OutboundMessage(
                request_id="z-2",
                phone="0900000002",
                template_id="7895417",
                template_data={"customer_name": "Lan"},
            )
        )
        assert (missing.outcome, missing.code) == (Outcome.PERMANENT, "-1122")
        assert client.quota()["remainingQuota"] == 499
        assert client.template_info("7895417")["status"] == "ENABLE"
        client.close()
        for s in stores:
            s.http.close()
    finally:
        fakes.stop()


def test_zns_campaign_direct_with_delivery(engine, db_url) -> None:
    cid = make_campaign(engine, 5, campaign_type="zalo")
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE campaigns SET provider = 'zalo_zns', message_template_id = '7895417' WHERE id = :c"),
            {"c": cid},
        )
        conn.execute(
            text(
                "UPDATE campaign_targets SET template_data = jsonb_build_object('customer_name', 'Khách', 'order_code', 'DH9') "
                "WHERE campaign_id = :c"
            ),
            {"c": cid},
        )
    fakes = start_all()
    try:
        settings = fakes.settings()["zalo_zns"]
        fakes.zalo.faults.no_zalo = {"84900000002"}
        ZaloZnsClient(settings, database_url=db_url).tokens.seed(fakes.zalo.refresh_token)
        factory = lambda provider: ZaloZnsClient(settings, database_url=db_url)  # noqa: E731
        _run(db_url, factory, cid)
        counts = delivery.poll_delivery(db_url, campaign_id=cid, channel_factory=factory)
        assert set(fakes.zalo.by_tracking.values()) == {1}
    finally:
        fakes.stop()
    assert counts == {"delivered": 4}
    with connect(db_url) as conn:
        failed = conn.execute(
            "SELECT provider_code, failure_class FROM campaign_targets WHERE status = 'failed'"
        ).fetchall()
    assert failed == [("-118", "permanent")]
    assert assert_complete(db_url, cid) == {"delivered": 4, "failed": 1}


def test_mailgun_events_fill_engagement_and_opt_outs(engine, db_url) -> None:
    cid = make_campaign(engine, 5, campaign_type="email")
    with engine.begin() as conn:
        conn.execute(text("UPDATE campaigns SET provider = 'mailgun' WHERE id = :c"), {"c": cid})
    fakes = start_all()
    try:
        settings = fakes.settings()["mailgun"]
        f = fakes.mailgun.faults
        f.bounce, f.opens, f.clicks, f.unsubscribes = (
            {"k1@example.vn"},
            {"k2@example.vn", "k3@example.vn"},
            {"k3@example.vn"},
            {"k4@example.vn"},
        )
        factory = lambda provider: MailgunClient(settings)  # noqa: E731
        _run(db_url, factory, cid)
        counts = delivery.poll_delivery(db_url, campaign_id=cid, channel_factory=factory)
    finally:
        fakes.stop()
    assert (
        counts["delivered"] == 4
        and counts["failed"] == 1
        and counts["opened"] == 2
        and counts["clicked"] == 1
    )
    with connect(db_url) as conn:
        rows = dict(
            conn.execute(
                "SELECT email, status || ':' || (opened_at IS NOT NULL) || ':' || (clicked_at IS NOT NULL) "
                "FROM campaign_targets WHERE campaign_id = %s",
                (cid,),
            ).fetchall()
        )
        dnc = conn.execute("SELECT email, source FROM do_not_contact").fetchall()
        consent = conn.execute("SELECT email_consent FROM customers WHERE email = 'k4@example.vn'").fetchone()
    assert rows["k1@example.vn"].startswith("failed") and rows["k3@example.vn"] == "delivered:true:true"
    assert rows["k2@example.vn"] == "delivered:true:false"
    assert dnc == [("k4@example.vn", "mailgun")] and consent == (False,)
    assert_complete(db_url, cid)


def test_settings_environment_wins_and_base_url_is_scheme_and_host(engine, monkeypatch) -> None:
    provider_settings.save(engine, "esms", {"base_url": "https://rest.esms.vn", "brandname": "MATVIET"})
    monkeypatch.setenv("MATVIET_ESMS_BRANDNAME", "MATVIET_TEST")
    values = provider_settings.load(engine, "esms")
    assert values["brandname"] == "MATVIET_TEST" and values["base_url"] == "https://rest.esms.vn"
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT setting, value FROM provider_settings")).all())
    assert "api_key" not in stored and "secret_key" not in stored
    assert provider_settings.base_url("https://rest.esms.vn/MainService.svc/json/") == "https://rest.esms.vn"


def _free_port_pair() -> int:
    """A port whose next port is free too: the command's SMTP fake takes port + 1."""
    import socket

    from matviet_desktop.devtools.pgcluster import free_port

    while True:
        port = free_port()
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port


def test_fakes_whose_smtp_port_is_taken_fail_clearly_and_free_the_http_port() -> None:
    import socket

    port = _free_port_pair()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port + 1))
        taken.listen()
        with pytest.raises(OSError, match=f"cổng {port + 1}"):
            start_all(port)
    with socket.socket() as again:
        again.bind(("127.0.0.1", port))  # the HTTP fakes let it go


def test_fake_providers_command_serves_esms(tmp_path) -> None:
    port = _free_port_pair()
    proc = subprocess.Popen(
        [sys.executable, "-m", "matviet_desktop.cli.main", "fake-providers", "--port", str(port)],
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        balance = None
        while balance is None and time.monotonic() < deadline:
            try:
                balance = httpx.post(
                    f"http://127.0.0.1:{port}/MainService.svc/json/GetBalance_json/",
                    json={"ApiKey": "key", "SecretKey": "secret"},
                ).json()
            except httpx.HTTPError:
                time.sleep(0.2)
        assert balance == {"Balance": 10_000_000, "CodeResponse": "100", "UserID": 9999}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]


def test_demo_mode_runs_a_whole_campaign_offline(engine, db_url, monkeypatch) -> None:
    """The real settings → registry → client path, pointed at the fakes by demo mode."""
    from matviet_desktop.core.channels.fake.all import use_for_this_process
    from matviet_desktop.core.channels.settings import env_name

    sms = make_campaign(engine, 20)
    mail = make_campaign(engine, 5, campaign_type="email", first=100)
    with engine.begin() as conn:
        conn.execute(text("UPDATE campaigns SET provider = 'mailgun' WHERE id = :c"), {"c": mail})
    fakes = use_for_this_process()
    try:
        for provider, values in fakes.settings().items():  # undone after the test
            for key, value in values.items():
                monkeypatch.setenv(env_name(provider, key), value)
        worker = SendEngine(db_url, config=EngineConfig(**{**FAST, "rate_per_s": 1000}))
        worker.run(until_idle=True)
        worker.close()
        assert fakes.esms.total_accepted == 20 and len(fakes.mailgun.sent) == 5
        counts = delivery.poll_delivery(db_url)
    finally:
        fakes.stop()
    assert counts == {"delivered": 25}
    assert assert_complete(db_url, sms) == {"delivered": 20}
    assert assert_complete(db_url, mail) == {"delivered": 5}


def test_zns_through_esms_is_the_default_for_zalo_campaigns(engine, db_url) -> None:
    cid = make_campaign(engine, 3, campaign_type="zalo")
    with engine.begin() as conn:
        conn.execute(text("UPDATE campaigns SET message_template_id = '7895417' WHERE id = :c"), {"c": cid})
        conn.execute(
            text(
                'UPDATE campaign_targets SET template_data = \'{"customer_name": "Lan"}\' WHERE campaign_id = :c'
            ),
            {"c": cid},
        )
    with fake_esms() as provider:
        _run(db_url, provider.factory(oaid="4097311281936189049"), cid)
        records = list(provider.esms.by_request.values())
    assert len(records) == 3 and {r.sms_type for r in records} == {"24"}
    assert all("Lan" in r.content for r in records)
    assert assert_complete(db_url, cid) == {"accepted": 3}
