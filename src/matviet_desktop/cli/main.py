"""`matviet`: the headless command line over the same core services as the app."""

from __future__ import annotations

import typer

from matviet_desktop.cli import campaigns, db, demo, importing, offline, scoring, segments, sending
from matviet_desktop.cli.common import dispose_engines

app = typer.Typer(
    name="matviet",
    help="Mắt Việt CRM/CDP: công cụ dòng lệnh cho quản trị viên và máy chủ.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(ctx: typer.Context) -> None:
    # Close every pooled connection a command opened, whatever way it ends.
    ctx.call_on_close(dispose_engines)


app.add_typer(db.app, name="db")
app.add_typer(demo.app, name="demo")
app.add_typer(importing.app, name="import")
app.add_typer(importing.duplicates_app, name="duplicates")
app.add_typer(campaigns.app, name="campaigns")
app.add_typer(campaigns.attribution_app, name="attribution")
app.command("send-worker")(sending.send_worker)
app.command("fake-providers")(sending.fake_providers)
scoring.register(app)
app.add_typer(segments.app, name="segments")
app.add_typer(offline.app, name="offline")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
