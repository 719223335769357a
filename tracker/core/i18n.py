"""Russian first, English second: the user's choice, else the session's, else Russian."""

from flask import Flask, session
from flask_login import current_user

from tracker.extensions import babel


def select_locale() -> str:
    if current_user and current_user.is_authenticated and current_user.locale:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in ("ru", "en"):
        return chosen
    return "ru"


def init_babel(app: Flask) -> None:
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(app.root_path + "/translations"),
    )
