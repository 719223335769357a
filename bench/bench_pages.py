"""Benchmark: "Мои поручения" and the head's unit view over real HTTP (issue 2).

For each database (a SQLite file; a fresh PostgreSQL database on 127.0.0.1) the synthetic
region is built, the real app is served by waitress in a subprocess on 127.0.0.1, a
requests.Session signs in, and each page is fetched N times. In the same run the bare SQL
statement behind each page (the same SELECT the page's query function issues) is timed on
its own, so every page is also reported as a ratio to that floor.
Targets: p95 < 50 ms on both databases, and no more than 3× the bare query.
Run: .venv/bin/python -m bench.bench_pages [--requests N] [--databases sqlite,postgresql]
"""

import argparse
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass

import requests
from sqlalchemy import func, select, text

from bench import (
    CLOCK_NOW,
    BenchConfig,
    fixed_clock,
    postgres_database,
    serve_forever,
    served,
    summarise,
)
from tracker import create_app
from tracker.extensions import db

TARGET_P95_MS = 50.0
TARGET_RATIO = 3.0
PASSWORD = "bench-pass"
FULL_SCALE = {"schools": 300, "people": 3000, "occurrences": 120_000}


@dataclass
class Actors:
    executor_login: str
    executor_id: int
    head_login: str
    head_id: int
    open_for_executor: int


def serve(uri: str) -> None:
    serve_forever(create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=uri, CLOCK=fixed_clock))


def analyse(kind: str) -> None:
    """Give PostgreSQL's planner statistics, as autovacuum would soon after a bulk load."""
    if kind == "postgresql":
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))


def ensure_user(person_id: int, login: str, roles: tuple[str, ...]) -> str:
    """The login of the person's account, creating one with the bench password if needed."""
    from tracker.auth.models import User

    user = db.session.scalar(select(User).where(User.person_id == person_id))
    if user is None:
        user = User(login=login, person_id=person_id)
        user.roles = roles
        db.session.add(user)
    user.set_password(PASSWORD)
    db.session.flush()
    return user.login


def pick_actors() -> Actors:
    """The executor with the most open occurrences, and the department's head."""
    from tracker.assignments.models import Occurrence
    from tracker.assignments.queries import OPEN_LIKE
    from tracker.people.models import Organisation, Person

    busiest, count = db.session.execute(
        select(Occurrence.person_id, func.count())
        .where(Occurrence.person_id.is_not(None), Occurrence.state.in_(OPEN_LIKE))
        .group_by(Occurrence.person_id)
        .order_by(func.count().desc())
        .limit(1)
    ).one()
    dept = db.session.scalar(
        select(Organisation)
        .where(Organisation.parent_id.is_(None))
        .order_by(Organisation.id)
        .limit(1)
    )
    head = db.session.scalar(select(Person).where(Person.head_of_id == dept.id).limit(1))
    if head is None:
        head = db.session.scalar(
            select(Person)
            .where(Person.organisation_id == dept.id)
            .where(Person.id != busiest)
            .limit(1)
        )
        head.head_of_id = dept.id
    actors = Actors(
        ensure_user(busiest, "bench-executor", ("executor",)),
        busiest,
        ensure_user(head.id, "bench-head", ("head", "executor")),
        head.id,
        count,
    )
    db.session.commit()
    return actors


def page_statements(actors: Actors) -> dict:
    """The SELECT behind each page, from the page's own query module."""
    from tracker.assignments import queries
    from tracker.people.models import Person

    executor = db.session.get(Person, actors.executor_id)
    path = db.session.get(Person, actors.head_id).head_of.path
    today = CLOCK_NOW.date()
    page_rows = queries.PER_PAGE + 1  # the page asks one more to know whether another follows
    return {
        "/my": queries.my_open_statement(executor),
        "/units": queries.unit_statement(path, queries.UnitFilter(), today, page_rows),
        "/units?overdue=1": queries.unit_statement(
            path, queries.UnitFilter(overdue_only=True), today, page_rows
        ),
    }


def time_statement(stmt, count: int) -> tuple[list[float], int]:
    """Milliseconds to execute and fetch every row of a statement (Core, no ORM objects)."""
    timings, rows = [], 0
    with db.engine.connect() as conn:
        for _ in range(5):
            conn.execute(stmt).fetchall()
        for _ in range(count):
            began = time.perf_counter()
            rows = len(conn.execute(stmt).fetchall())
            timings.append((time.perf_counter() - began) * 1000)
    return timings, rows


def signed_in(base: str, login: str) -> requests.Session:
    session = requests.Session()
    response = session.post(
        f"{base}/login", data={"login": login, "password": PASSWORD}, allow_redirects=False
    )
    if response.status_code != 302:
        raise RuntimeError(f"sign-in of {login} failed: {response.status_code}")
    return session


def time_page(session: requests.Session, url: str, count: int) -> tuple[list[float], int]:
    for _ in range(5):
        response = session.get(url)
        response.raise_for_status()
        if response.history:  # sent to the sign-in page: the figures would be of that page
            raise RuntimeError(f"{url} redirected to {response.url}")
    timings, size = [], 0
    for _ in range(count):
        began = time.perf_counter()
        response = session.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        response.raise_for_status()
        size = len(response.content)
    return timings, size


def measure(uri: str, kind: str, count: int, scale: dict) -> list[dict]:
    from bench.synthetic import build_region

    app = create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=uri, CLOCK=fixed_clock)
    with app.app_context():
        db.create_all()
        began = time.perf_counter()
        build_region(db.session, seed=1, **scale)
        db.session.commit()
        analyse(kind)
        built_s = time.perf_counter() - began
        actors = pick_actors()
        statements = page_statements(actors)
        with served("bench.bench_pages", uri) as port:
            base = f"http://127.0.0.1:{port}"
            sessions = {"/my": signed_in(base, actors.executor_login)}
            sessions["/units"] = sessions["/units?overdue=1"] = signed_in(base, actors.head_login)
            rows = [
                _row(kind, path, sessions[path], base, statements[path], count)
                for path in statements
            ]
            for session in sessions.values():
                session.close()
        db.session.remove()
        db.engine.dispose()
    for row in rows:
        row.update(build_s=built_s, executor_open=actors.open_for_executor)
    return rows


def _row(kind, path, session, base, stmt, count) -> dict:
    page, size = time_page(session, base + path, count)
    floor, fetched = time_statement(stmt, count)
    page_s, floor_s = summarise(page), summarise(floor)
    ratio = page_s["p95"] / floor_s["p95"] if floor_s["p95"] else float("inf")
    return {
        "database": kind,
        "page": path,
        "requests": page_s["n"],
        "p50": page_s["p50"],
        "p95": page_s["p95"],
        "bytes": size,
        "rows": fetched,
        "sql_p50": floor_s["p50"],
        "sql_p95": floor_s["p95"],
        "ratio": ratio,
        "ok": page_s["p95"] < TARGET_P95_MS and ratio <= TARGET_RATIO,
    }


def run(kinds=("sqlite", "postgresql"), count: int = 200, scale: dict | None = None):
    scale = scale or FULL_SCALE
    rows = []
    for kind in kinds:
        with ExitStack() as stack:
            if kind == "postgresql":
                uri = stack.enter_context(postgres_database("tracker_bench_pages"))
            else:
                folder = stack.enter_context(tempfile.TemporaryDirectory())
                uri = f"sqlite:///{folder}/region.db"
            rows += measure(uri, kind, count, scale)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        (
            "| Database | Page | Requests | Rows | HTML, KB | p50, ms | p95, ms | SQL p50, ms "
            "| SQL p95, ms | p95 / SQL p95 | Target (p95 < 50 ms, ≤ 3×) |"
        ),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [
        f"| {r['database']} | `GET {r['page']}` | {r['requests']} | {r['rows']} "
        f"| {r['bytes'] / 1024:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['sql_p50']:.2f} "
        f"| {r['sql_p95']:.2f} | {r['ratio']:.1f}× | {'met' if r['ok'] else 'MISSED'} |"
        for r in rows
    ]
    if rows:
        lines.append(
            f"\nBusiest executor's open occurrences: {rows[0]['executor_open']}; "
            + "; ".join(
                f"region built on {r['database']} in {r['build_s']:.1f} s" for r in rows[::3]
            )
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    print(table(run(tuple(args.databases.split(",")), args.requests)))


if __name__ == "__main__":
    main()
