"""The "Календарь" page (address, QR code, instructions) and the private .ics feeds."""

from urllib.parse import urlsplit

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from tracker.calendar import feeds, queries, services
from tracker.calendar.cache import BodyCache, FragmentCache
from tracker.calendar.forms import TokenForm
from tracker.calendar.ratelimit import SlidingWindowLimiter
from tracker.core.time import person_tz
from tracker.extensions import db

bp = Blueprint("calendar", __name__, url_prefix="/calendar")


@bp.route("/")
@login_required
def index():
    return render_template(
        "calendar/index.html",
        token=services.active_token(current_user),
        form=TokenForm(),
        addresses=None,
    )


@bp.route("/regenerate", methods=["POST"])
@login_required
def regenerate():
    """Issue a new address and show it in this response only: it is never stored in clear."""
    if not TokenForm().validate_on_submit():
        abort(400)
    token = services.issue_token(current_user)
    db.session.commit()
    html = render_template(
        "calendar/index.html",
        token=services.active_token(current_user),
        form=TokenForm(),
        addresses=_addresses(token),
    )
    return Response(html, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


@bp.route("/revoke", methods=["POST"])
@login_required
def revoke():
    if not TokenForm().validate_on_submit():
        abort(400)
    services.revoke_tokens(current_user)
    db.session.commit()
    flash(_("Адрес календаря отключён: подписки на него перестали обновляться."), "info")
    return redirect(url_for("calendar.index"))


def _addresses(token: str) -> dict:
    """The feed's https and webcal:// addresses, its variants and a QR code of webcal://."""
    base = current_app.config["BASE_URL"].rstrip("/")
    https = base + url_for("calendar.feed", token=token)
    webcal = "webcal://" + https.split("://", 1)[1]
    person = current_user.person
    variants = [
        (_("Задачи (VTODO) вместо событий"), https + "?components=todo"),
        (_("Вместе с выполненными"), https + "?done=1"),
    ]
    if person is not None and person.head_of_id:
        variants.insert(0, (_("Сроки моих подразделений"), https + "?scope=units"))
    qr = segno.make(webcal, error="m").svg_inline(scale=4, title=_("QR-код адреса календаря"))
    return {"https": https, "webcal": webcal, "variants": variants, "qr": Markup(qr)}


@bp.route("/<token>.ics")
def feed(token: str):
    """A private feed: no session, the token is the credential; anything wrong is a 404."""
    found = services.resolve(token)
    if found is None:
        abort(404)
    token_row, user = found
    limiter = _extension("calendar_rate_limiter", SlidingWindowLimiter)
    retry_after = limiter.hit(
        token_row.token_hash, current_app.config["CALENDAR_RATE_LIMIT_PER_MINUTE"]
    )
    if retry_after is not None:
        return Response(
            "Too many requests\n", 429, {"Retry-After": str(retry_after)}, mimetype="text/plain"
        )
    spec = feeds.parse_spec(request.args)
    scope = queries.feed_scope(user, spec) if spec else None
    if scope is None:
        abort(404)
    with force_locale(user.locale or "ru"):
        return _feed_response(user, spec, scope)


def _feed_response(user, spec: feeds.FeedSpec, scope: queries.Scope) -> Response:
    alarm = current_app.config.get("CALENDAR_ALARM", "-P1D") or None
    fingerprint = queries.fingerprint(scope)
    extra = f"{user.locale}|{alarm}|{scope.title}|{current_app.config['BASE_URL']}"
    etag = feeds.etag_for(user.id, spec, fingerprint, extra)
    response = Response(mimetype="text/calendar")
    response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = "private, no-cache"
    if fingerprint.last_modified is not None:
        response.last_modified = fingerprint.last_modified
    if request.if_none_match.contains_weak(etag):
        response.status_code = 304
        return response
    cache = _extension("calendar_body_cache", BodyCache)
    body = cache.get(etag)
    if body is None:
        fragments = _extension("calendar_fragments", FragmentCache)
        body = feeds.build_calendar(
            queries.feed_rows(scope), _context(user, spec, scope, alarm), fragments
        )
        cache.put(etag, body)
    response.set_data(body)
    return response


def _context(user, spec: feeds.FeedSpec, scope: queries.Scope, alarm) -> feeds.FeedContext:
    base = current_app.config["BASE_URL"].rstrip("/")
    timezone = person_tz(user.person)
    return feeds.FeedContext(
        name=_("Сроки — %(title)s", title=scope.title),
        timezone=timezone or current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/Moscow"),
        base_url=base,
        host=urlsplit(base).hostname or "tracker",
        alarm=alarm,
        todo=spec.todo,
        shows_others=scope.shows_others,
        locale=user.locale or "ru",
        labels=feeds.feed_labels(),
    )


def _extension(name: str, factory):
    """A per-application (so per-process) object, created on first use."""
    found = current_app.extensions.get(name)
    if found is None:
        found = current_app.extensions.setdefault(name, factory())
    return found
