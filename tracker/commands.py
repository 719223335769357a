"""Application commands: `tracker demo`, `tracker create-user`."""

import click
from flask import Flask

from tracker.scheduler import scheduler_command


def init_commands(app: Flask) -> None:
    app.cli.add_command(demo_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(scheduler_command)


@click.command("demo")
@click.option("--reset", is_flag=True, help="Drop the demo data and load it again.")
def demo_command(reset: bool) -> None:
    """Load the demo: the Nogliki directory and the seed documents, dated around today."""
    from tracker.demo import load_demo

    credentials = load_demo(reset=reset)
    if credentials is None:
        click.echo("Демо-данные уже загружены.")
        from tracker.demo import DEMO_ACCOUNTS

        credentials = DEMO_ACCOUNTS
    click.echo("\nДемо-входы (логин / пароль — роль):")
    for login, password, role in credentials:
        click.echo(f"  {login:<12} / {password:<12} — {role}")
    click.echo()


@click.command("create-user")
@click.argument("login")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", "roles", multiple=True, default=("admin",))
def create_user_command(login: str, password: str, roles: tuple[str, ...]) -> None:
    """Create a user account (an administrator by default)."""
    from tracker.auth.models import User
    from tracker.extensions import db

    user = User(login=login)
    user.set_password(password)
    user.roles = roles
    db.session.add(user)
    db.session.commit()
    click.echo(f"Создан пользователь {login}.")
