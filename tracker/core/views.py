"""The start page and the language switch."""

from flask import Blueprint, abort, redirect, request, session, url_for
from flask_login import current_user

from tracker.extensions import db

bp = Blueprint("core", __name__)


@bp.route("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    person = current_user.person
    if person and person.head_of_id:
        return redirect(url_for("assignments.units"))
    if person:
        return redirect(url_for("assignments.mine"))
    if current_user.has_role("admin", "secretary"):
        return redirect(url_for("documents.list"))
    return redirect(url_for("auth.preferences"))


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    if code not in ("ru", "en"):
        abort(404)
    session["locale"] = code
    if current_user.is_authenticated:
        current_user.locale = code
        db.session.commit()
    target = request.referrer or url_for("core.index")
    return redirect(target if target.startswith(request.host_url) else url_for("core.index"))


@bp.route("/healthz")
def health():
    return {"status": "ok"}
