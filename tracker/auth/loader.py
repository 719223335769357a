"""Flask-Login wiring."""

from flask import Flask

from tracker.extensions import db, login_manager


def init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Войдите, чтобы продолжить."
    login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str):
    from tracker.auth.models import User

    return db.session.get(User, int(user_id))
