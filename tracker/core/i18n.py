"""Russian first, English second: the user's choice, else the session's, else Russian."""

from flask import Flask, g, has_request_context, session
from flask_babel import get_locale
from flask_babel import gettext as babel_gettext
from flask_babel import ngettext as babel_ngettext
from flask_login import current_user

from tracker.extensions import babel

# Catalogs are fixed for the life of the process, so a message's translation is too.
# Templates call gettext thousands of times a page and Flask-Babel's own call costs ~25 µs.
_translations: dict[tuple[str, str], str] = {}


def select_locale() -> str:
    if not has_request_context():
        return "ru"
    if current_user and current_user.is_authenticated and current_user.locale:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in ("ru", "en"):
        return chosen
    return "ru"


def cached_gettext(string: str, **variables) -> str:
    """gettext for templates, remembering each translation per locale."""
    key = (_locale_name(), string)
    text = _translations.get(key)
    if text is None:
        text = _translations[key] = babel_gettext(string)
    return text % variables if variables else text


def _locale_name() -> str:
    """The request's locale as a string, worked out once per request."""
    name = g.get("locale_name")
    if name is None:
        name = g.locale_name = str(get_locale())
    return name


def init_babel(app: Flask) -> None:
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(app.root_path + "/translations"),
    )
    app.jinja_env.install_gettext_callables(cached_gettext, babel_ngettext, newstyle=True)
