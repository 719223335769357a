"""Configuration classes, read from the environment with working defaults."""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def _secret_key() -> str:
    """SECRET_KEY from the environment, else a random one kept in instance/ (made once)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = BASE_DIR / "instance" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _sqlite_url(name: str) -> str:
    return f"sqlite:///{BASE_DIR / 'instance' / name}"


class Config:
    SECRET_KEY = _secret_key()
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", _sqlite_url("tracker.db"))
    # Recycle rather than ping: a ping is one more round trip on every request.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_recycle": 1800}
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", str(BASE_DIR / "instance" / "uploads"))
    EVIDENCE_EXTENSIONS = ("pdf", "docx", "xlsx", "png", "jpg", "jpeg", "gif", "webp")
    # Evidence files must also fit under MAX_CONTENT_LENGTH, the limit of any request.
    EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
    BABEL_DEFAULT_LOCALE = "ru"
    BABEL_DEFAULT_TIMEZONE = "Europe/Moscow"
    LANGUAGES = ("ru", "en")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = None
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    SESSION_COOKIE_SECURE = REMEMBER_COOKIE_SECURE = BASE_URL.startswith("https://")
    # Working-day rule for deadlines on a non-working day: "preceding" (document-management
    # instructions), "following" (Civil Code art. 193) or "none".
    DEADLINE_SHIFT_RULE = os.environ.get("DEADLINE_SHIFT_RULE", "preceding")
    PASSWORD_HASH_METHOD = "scrypt"
    LOGIN_THROTTLE_FREE_ATTEMPTS = 3
    LOGIN_THROTTLE_MAX_DELAY = 30.0
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "") == "1"
    MAIL_USE_SSL = os.environ.get("MAIL_USE_SSL", "") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_FROM = os.environ.get("MAIL_FROM", "tracker@localhost")
    MAIL_TIMEOUT = 10
    CALENDAR_RATE_LIMIT_PER_MINUTE = 60
    # VALARM trigger in calendar feeds (RFC 5545 duration); empty turns alarms off.
    CALENDAR_ALARM = os.environ.get("CALENDAR_ALARM", "-P1D")


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    LOGIN_THROTTLE_MAX_DELAY = 0.0
    # Hashing strength is not under test; a cheap method keeps the suite fast.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    SERVER_NAME = "localhost"
