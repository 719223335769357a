"""Benchmark: a 1,000-occurrence calendar feed served by waitress on 127.0.0.1.

    .venv/bin/python -m bench.bench_calendar [--databases sqlite,postgresql] [--requests N]

Targets (issue 5): the feed's p95 under 30 ms; the 304 path's p95 under 3 ms. The app runs
in its own process so the client's timing does not share its GIL. "cold" rebuilds the body
on every request (each request first touches an occurrence, so the ETag changes); "warm"
repeats an unchanged feed, served from the in-process body cache keyed by ETag.
"""

import argparse
import http.client
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta

from sqlalchemy import update

from bench import BenchConfig, machine, postgres_database, serve_forever, served, summarise
from tracker import create_app
from tracker.extensions import db

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
        docs = [
            Document(
                kind="roadmap",
                title=f"Дорожная карта развития МСОКО {n}",
                number=f"{n}-р",
                period_start=date(2021, 1, 1),
                period_end=date(2023, 12, 31),
            )
            for n in range(5)
        ]
        start = date(2021, 1, 11)
        for n in range(OCCURRENCES // 4):
            item = Item(
                document=docs[n % 5],
                number=f"{n // 10 + 1}.{n % 10 + 1}",
                stage=STAGES[n % 6],
                deadline_raw="ежеквартально",
                text=f"Провести мониторинг качества подготовки обучающихся, "
                f"подготовить аналитическую справку и адресные рекомендации № {n}",
                result="Аналитическая справка, приказ",
            )
            assignment = Assignment(item=item, person=person, organisation=org)
            for k in range(4):
                due = start + timedelta(days=(n * 4 + k) % 900)
                db.session.add(
                    Occurrence(
                        assignment=assignment,
                        person=person,
                        organisation=org,
                        document=item.document,
                        stage=item.stage,
                        due_on=due,
                        original_due_on=due,
                    )
                )
        db.session.flush()
        token = issue_token(user)
        db.session.commit()
        return token


def serve(uri: str) -> None:
    serve_forever(
        create_app(
            BenchConfig,
            SQLALCHEMY_DATABASE_URI=uri,
            CALENDAR_RATE_LIMIT_PER_MINUTE=10**9,
            BASE_URL="https://tracker.example.ru",
        )
    )


def fetch(conn, path: str, headers: dict) -> tuple[float, int, int, str]:
    began = time.perf_counter()
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - began) * 1000
    return elapsed, response.status, len(body), response.getheader("ETag")


def touch(app, occurrence_id: int) -> None:
    """Change one occurrence, as ticking it off would: the feed's ETag changes."""
    from tracker.assignments.models import Occurrence

    db.session.execute(
        update(Occurrence)
        .where(Occurrence.id == occurrence_id)
        .values(sequence=Occurrence.sequence + 1)
    )
    db.session.commit()


def measure(app, kind: str, uri: str, token: str, count: int) -> list[dict]:
    path = f"/calendar/{token}.ics"
    rows = []
    with served("bench.bench_calendar", uri) as port, app.app_context():
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for _ in range(10):
            fetch(conn, path, {})  # warm up imports and pools
        current = {}
        cases = {
            "cold": lambda i: (touch(app, i % OCCURRENCES + 1), fetch(conn, path, {}))[1],
            "warm": lambda i: fetch(conn, path, {}),
            "warm todo": lambda i: fetch(conn, path + "?components=todo", {}),
            "304": lambda i: fetch(conn, path, {"If-None-Match": current["etag"]}),
        }
        for name, run_once in cases.items():
            current["etag"] = fetch(conn, path, {})[3]
            results = [run_once(i) for i in range(count * (3 if name == "304" else 1))]
            rows.append(
                {
                    "database": kind,
                    "case": name,
                    "status": results[-1][1],
                    "bytes": results[-1][2],
                    **summarise([r[0] for r in results]),
                }
            )
        conn.close()
    return rows


def run(kinds=("sqlite", "postgresql"), count: int = 200) -> list[dict]:
    rows = []
    for kind in kinds:
        with ExitStack() as stack:
            if kind == "postgresql":
                uri = stack.enter_context(postgres_database("tracker_bench_calendar"))
            else:
                uri = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/b.db"
            app = create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=uri)
            token = seed(app)
            rows += measure(app, kind, uri, token, count)
            with app.app_context():
                db.engine.dispose()
    return rows


def table(rows: list[dict]) -> str:
    targets = {"304": 3.0}
    lines = [
        "| Database | Feed (1,000 events) | Status | Bytes | n | p50, ms | p95, ms | Target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        target = targets.get(r["case"], 30.0)
        verdict = f"p95 < {target:g} ms: {'met' if r['p95'] < target else 'MISSED'}"
        lines.append(
            f"| {r['database']} | {r['case']} | {r['status']} | {r['bytes']} | {r['n']} "
            f"| {r['p50']:.2f} | {r['p95']:.2f} | {verdict} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    info = machine()
    print(f"{info['date']}; nproc={info['nproc']}; {info['cpu']}; load {info['load']}")
    kinds = tuple(k for k in args.databases.split(",") if k)
    print(table(run(kinds, args.requests)))
    print(f"load after: {machine()['load']}")


if __name__ == "__main__":
    main()
