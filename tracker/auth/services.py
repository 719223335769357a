"""Sign-in with throttling: failures are counted per login name, existing or not."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from tracker.auth.models import LoginFailure, User
from tracker.core.time import as_utc, now_utc
from tracker.extensions import db


class LoginThrottled(Exception):
    def __init__(self, wait_seconds: int):
        super().__init__(wait_seconds)
        self.wait_seconds = wait_seconds


def _throttle_key(login: str) -> str:
    return login.strip().lower()[:200]


def required_wait(failure: LoginFailure | None) -> float:
    """Seconds still to wait: doubling from 1 s after the free attempts, capped."""
    if failure is None:
        return 0.0
    extra = failure.count - current_app.config["LOGIN_THROTTLE_FREE_ATTEMPTS"]
    if extra < 0:
        return 0.0
    delay = min(2.0**extra, current_app.config["LOGIN_THROTTLE_MAX_DELAY"])
    elapsed = (now_utc() - as_utc(failure.last_at)).total_seconds()
    return max(0.0, delay - elapsed)


def authenticate(login: str, password: str) -> User | None:
    """The user for these credentials, or None; raises LoginThrottled when too fast."""
    key = _throttle_key(login)
    failure = db.session.get(LoginFailure, key)
    wait = required_wait(failure)
    if wait > 0:
        raise LoginThrottled(int(wait) + 1)
    user = db.session.scalar(select(User).where(func.lower(User.login) == key))
    if user and user.is_enabled and user.check_password(password):
        if failure:
            db.session.delete(failure)
        return user
    _record_failure(failure, key)
    return None


def _record_failure(failure: LoginFailure | None, key: str) -> None:
    if failure is None:
        failure = LoginFailure(key=key, count=0)
        db.session.add(failure)
    failure.count += 1
    failure.last_at = now_utc()


def forget_old_failures(older_than: timedelta = timedelta(days=1)) -> int:
    cutoff = now_utc() - older_than
    rows = db.session.query(LoginFailure).filter(LoginFailure.last_at < cutoff).delete()
    return rows
