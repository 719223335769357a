"""Benchmark: a 1,000-occurrence calendar feed served by waitress on 127.0.0.1.

Run: .venv/bin/python bench/bench_calendar.py [--database-url URL] [--requests N]
Targets (issue 5): full feed p95 < 30 ms; the 304 path p95 < 3 ms. Prints the machine too.
"""

import argparse
import http.client
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from waitress import create_server  # noqa: E402

from config import Config  # noqa: E402
from tracker import create_app  # noqa: E402
from tracker.extensions import db  # noqa: E402

OCCURRENCES = 1000
STAGES = ("goals", "indicators", "monitoring", "analysis", "measures", "effectiveness")


def seed(app) -> str:
    """One official with 1,000 open occurrences over 250 items of 5 documents; a token."""
    from tracker.assignments.models import Assignment, Occurrence
    from tracker.auth.models import User
    from tracker.calendar.services import issue_token
    from tracker.documents.models import Document, Item
    from tracker.people.models import Organisation, Person

    with app.app_context():
        db.create_all()
        org = Organisation(name="ИМЦ отдела образования", path="/1/", timezone="Asia/Sakhalin")
        person = Person(surname="Дискулцу", initials="ЛЮ", organisation=org)
        user = User(login="bench", person=person, password_hash="-")
        db.session.add_all([org, person, user])
        docs = [Document(kind="roadmap", title=f"Дорожная карта развития МСОКО {n}",
                         number=f"{n}-р", period_start=date(2021, 1, 1),
                         period_end=date(2023, 12, 31)) for n in range(5)]
        start = date(2021, 1, 11)
        for n in range(OCCURRENCES // 4):
            item = Item(document=docs[n % 5], number=f"{n // 10 + 1}.{n % 10 + 1}",
                        stage=STAGES[n % 6], deadline_raw="ежеквартально",
                        text=f"Провести мониторинг качества подготовки обучающихся, "
                             f"подготовить аналитическую справку и адресные рекомендации № {n}",
                        result="Аналитическая справка, приказ")
            assignment = Assignment(item=item, person=person, organisation=org)
            for k in range(4):
                due = start + timedelta(days=(n * 4 + k) % 900)
                db.session.add(Occurrence(assignment=assignment, person=person, organisation=org,
                                          document=item.document, stage=item.stage, due_on=due,
                                          original_due_on=due))
        db.session.flush()
        token = issue_token(user)
        db.session.commit()
        return token


def serve(app):
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return server, server.effective_port


def measure(port: int, path: str, count: int, headers: dict) -> tuple[list[float], int, int]:
    """Milliseconds per request over one keep-alive connection; also status and size."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    timings, status, size = [], 0, 0
    for _ in range(count):
        began = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - began) * 1000)
        status, size = response.status, len(body)
    conn.close()
    return timings, status, size


def report(name: str, timings: list[float], status: int, size: int) -> None:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{name:10} status={status} bytes={size:>7} n={len(ordered)} "
          f"p50={statistics.median(ordered):6.2f} ms  p95={p95:6.2f} ms  max={ordered[-1]:6.2f} ms")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{time.strftime('%Y-%m-%d %H:%M %Z')}; nproc={os.cpu_count()}; {cpu}; "
            f"Python {platform.python_version()}; {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="bench-calendar-")
    url = args.database_url or f"sqlite:///{workdir}/bench.db"
    app = create_app(Config, SQLALCHEMY_DATABASE_URI=url, CALENDAR_RATE_LIMIT_PER_MINUTE=10**9,
                     BASE_URL="https://tracker.example.ru")
    token = seed(app)
    server, port = serve(app)
    path = f"/calendar/{token}.ics"
    measure(port, path, 20, {})  # warm up imports, pools and caches
    full = measure(port, path, args.requests, {})
    etag = http_etag(port, path)
    cached = measure(port, path, args.requests * 3, {"If-None-Match": etag})
    todo = measure(port, path + "?components=todo", args.requests // 3, {})
    print(machine())
    print(f"database: {url.split(':', 1)[0]}; {OCCURRENCES} occurrences; waitress on 127.0.0.1")
    report("feed", *full)
    report("todo", *todo)
    report("304", *cached)
    server.close()


def http_etag(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.getheader("ETag")


if __name__ == "__main__":
    main()
