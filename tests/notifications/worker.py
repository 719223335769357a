"""One scheduler process of the exactly-once test: plan, then deliver until nothing is due.

Run as `python worker.py DATABASE_URL SMTP_PORT NOW_ISO`; the clock is fixed by argument,
the same way the app's config["CLOCK"] is set in the other tests; retries are immediate
(NOTIFY_RETRY_SECONDS=0) since that clock does not move.
"""

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(url: str, port: str, now_iso: str) -> None:
    from sqlalchemy import func, select

    from config import TestConfig
    from tracker import create_app
    from tracker.extensions import db
    from tracker.notifications import jobs
    from tracker.notifications.models import PENDING, Notification

    now = datetime.fromisoformat(now_iso)
    app = create_app(
        TestConfig,
        SQLALCHEMY_DATABASE_URI=url,
        CLOCK=lambda: now,
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=int(port),
        NOTIFY_RETRY_SECONDS=0,
    )
    jobs.run(app, "plan_notifications", jobs.plan_job)
    for _ in range(1000):
        jobs.run(app, "deliver_outbox", jobs.deliver_job)
        with app.app_context():
            left = db.session.scalar(
                select(func.count()).select_from(Notification).where(Notification.status == PENDING)
            )
            db.session.remove()
        if not left:
            break


if __name__ == "__main__":
    main(*sys.argv[1:4])
