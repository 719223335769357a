"""The `tracker` command: the parser, plus Flask's commands (db, run, demo, scheduler)."""

import click
from flask.cli import FlaskGroup


def _create_app():
    from tracker import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """tracker: execution control of roadmaps, protocols, resolutions and orders."""


@main.command("parse", with_appcontext=False)
@click.argument("path")
@click.option("--period-start", help="YYYY-MM-DD: start of the period bounding recurrences")
@click.option("--period-end", help="YYYY-MM-DD: end of that period")
def parse_command(path: str, period_start: str | None, period_end: str | None) -> None:
    """Print the parser's JSON reading of one document; writes nothing anywhere."""
    from tracker.parsing.command import run_parse

    raise SystemExit(run_parse(path, period_start, period_end))
