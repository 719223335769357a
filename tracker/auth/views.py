"""Sign in, sign out and personal preferences."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from tracker.auth.forms import LoginForm, PreferencesForm
from tracker.auth.services import LoginThrottled, authenticate
from tracker.extensions import db

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    if (
        target
        and not urlsplit(target).netloc
        and target.startswith("/")
        and not target.startswith("//")
    ):
        return target
    return url_for("core.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(form.login.data, form.password.data)
        except LoginThrottled as exc:
            flash(
                _("Слишком много неудачных попыток. Повторите через %(n)s с.", n=exc.wait_seconds),
                "error",
            )
            return render_template("auth/login.html", form=form), 429
        db.session.commit()
        if user is None:
            flash(_("Неверный логин или пароль."), "error")
            return render_template("auth/login.html", form=form), 200
        login_user(user, remember=form.remember.data)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash(_("Вы вышли из системы."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/preferences", methods=["GET", "POST"])
@login_required
def preferences():
    form = PreferencesForm(obj=current_user)
    if form.validate_on_submit():
        current_user.locale = form.locale.data
        current_user.notify_mode = form.notify_mode.data
        db.session.commit()
        flash(_("Настройки сохранены."), "success")
        return redirect(url_for("auth.preferences"))
    return render_template("auth/preferences.html", form=form)
