"""Feed HTTP behaviour: caching headers, 304, rate limit, and tokens that no longer work."""

import hashlib
import re

from sqlalchemy import select

from tracker.assignments.services import complete
from tracker.calendar import services
from tracker.calendar.models import CalendarToken


def test_etag_and_304_before_building(region, client, feed_url, clock, db):
    users, occ, _ = region
    url = feed_url(users["official"])
    first = client.get(url)
    etag = first.headers["ETag"]
    assert first.headers["Last-Modified"] == "Mon, 07 Feb 2022 06:00:00 GMT"
    assert "no-cache" in first.headers["Cache-Control"]
    cached = client.get(url, headers={"If-None-Match": etag})
    assert cached.status_code == 304 and cached.data == b""
    assert cached.headers["ETag"] == etag
    other_filter = client.get(url + "?done=1", headers={"If-None-Match": etag})
    assert other_filter.status_code == 200
    clock.set(2022, 2, 8, 9, 30)
    complete(occ["feb"], users["official"], "Готово", None)
    db.session.commit()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_no_session_cookie_and_no_login_needed(region, client, feed_url):
    users, _, _ = region
    response = client.get(feed_url(users["official"]))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_unknown_and_revoked_tokens_are_plain_404(region, app, client, feed_url, db):
    users, _, _ = region
    url = feed_url(users["official"])
    elsewhere = client.get("/no-such-page")
    unknown = client.get("/calendar/" + "A" * 43 + ".ics")
    services.revoke_tokens(users["official"])
    db.session.commit()
    revoked = client.get(url)
    for response in (unknown, revoked):
        assert response.status_code == 404
        assert response.data == elsewhere.data
        assert response.headers["Content-Type"] == elsewhere.headers["Content-Type"]


def test_regenerated_token_404s_at_once(region, client, feed_url):
    users, _, _ = region
    old = feed_url(users["official"])
    new = feed_url(users["official"])
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_disabled_user_feed_404s(region, client, feed_url, db):
    users, _, _ = region
    url = feed_url(users["official"])
    users["official"].is_enabled = False
    db.session.commit()
    assert client.get(url).status_code == 404


def test_token_stored_only_as_hash(region, db):
    users, _, _ = region
    token = services.issue_token(users["official"])
    db.session.commit()
    assert len(token) >= 43  # 32 random bytes, base64url: 256 bits
    row = db.session.scalars(select(CalendarToken)).one()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in repr(row.__dict__)


def test_rate_limit_per_token(region, app, client, feed_url):
    users, _, _ = region
    app.config["CALENDAR_RATE_LIMIT_PER_MINUTE"] = 3
    url = feed_url(users["official"])
    other = feed_url(users["head"])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    limited = client.get(url, headers={"If-None-Match": "*"})
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert client.get(other).status_code == 200


def test_sliding_window_forgets_old_hits():
    from tracker.calendar.ratelimit import SlidingWindowLimiter

    now = [100.0]
    limiter = SlidingWindowLimiter(window=60, clock=lambda: now[0])
    assert [limiter.hit("k", 2) for _ in range(2)] == [None, None]
    assert limiter.hit("k", 2) == 60
    now[0] = 130.0
    assert limiter.hit("k", 2) == 30
    now[0] = 160.5
    assert limiter.hit("k", 2) is None


def test_feed_address_pattern(region, client, login):
    users, _, _ = region
    html = login(users["official"]).post("/calendar/regenerate").get_data(as_text=True)
    assert re.search(r"/calendar/[A-Za-z0-9_-]{43}\.ics", html)
