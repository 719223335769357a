"""Benchmark: confirming the import of roadmap 004 with fan-out to 300 schools (issue 3).

The directory is Nogliki's department with its ИМЦ, 300 schools and the four people the
roadmap names; "руководители ОО" in items 3.1 and 4.1 fans out to every school. Each run
times import_parsed + commit of the already reviewed parse (the wizard's confirm step
without the draft), on SQLite (a file) and on a fresh PostgreSQL database.
Target: under 1 s. Run: .venv/bin/python -m bench.bench_import [--repeat N] [--schools N]
"""

import argparse
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench import CLOCK_NOW, BenchConfig, fixed_clock, postgres_database, summarise
from tracker import create_app
from tracker.extensions import db

SEED = Path(__file__).resolve().parents[1] / "demo" / "seeds" / "004_f76f826bb9665c0b.txt"
TARGET_MS = 1000.0
PEOPLE = (
    ("Ренкевич", "ЛМ", "начальник отдела образования"),
    ("Дискулцу", "ЛЮ", None),
    ("Боброва", "ЛВ", "ведущий консультант"),
    ("Саматова", "СЛ", None),
)


def build_directory(schools: int):
    """The department, its ИМЦ, `schools` schools and four people; returns (dept, user)."""
    from tracker.auth.models import User
    from tracker.people.models import Organisation, Person

    dept = Organisation(
        name="Отдел образования МО «Городской округ Ногликский»",
        kind="department",
        timezone="Asia/Sakhalin",
    )
    db.session.add(dept)
    db.session.flush()
    dept.path = f"/{dept.id}/"
    imc = Organisation(name="ИМЦ отдела образования", parent_id=dept.id, kind="unit")
    units = [imc] + [
        Organisation(
            name=f"МБОУ СОШ № {n} пгт Ноглики",
            parent_id=dept.id,
            kind="school",
            timezone="Asia/Sakhalin",
        )
        for n in range(1, schools + 1)
    ]
    db.session.add_all(units)
    db.session.flush()
    for unit in units:
        unit.path = f"{dept.path}{unit.id}/"
    people = [
        Person(
            surname=s,
            initials=i,
            position=p,
            organisation=imc if s == "Дискулцу" else dept,
            head_of=dept if s == "Ренкевич" else None,
        )
        for s, i, p in PEOPLE
    ]
    user = User(login="samatova", person=people[-1], roles_csv="secretary")
    user.set_password("bench-pass")
    db.session.add_all([*people, user])
    db.session.commit()
    return dept, user


def reviewed_parse() -> tuple[dict, bytes]:
    from tracker.parsing.api import parse_bytes

    data = SEED.read_bytes()
    return parse_bytes(data, SEED.name, today=CLOCK_NOW.date()).to_contract(), data


def time_imports(repeat: int, schools: int) -> tuple[list[float], dict]:
    """Milliseconds of import_parsed + commit; each run's bytes differ so none is refused."""
    from tracker.documents.importing import import_parsed

    dept, user = build_directory(schools)
    parsed, data = reviewed_parse()
    timings, counts = [], {}
    for n in range(repeat):
        body = data + b"\n" * (n + 1)
        began = time.perf_counter()
        result = import_parsed(parsed, body, SEED.name, user, dept)
        db.session.commit()
        timings.append((time.perf_counter() - began) * 1000)
        counts = {"assignments": result.assignments, "occurrences": result.occurrences}
        db.session.expunge_all()
        dept, user = db.session.merge(dept), db.session.merge(user)
    return timings, counts


def run_one(kind: str, repeat: int, schools: int) -> dict:
    with ExitStack() as stack:
        if kind == "postgresql":
            uri = stack.enter_context(postgres_database("tracker_bench_import"))
        else:
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            uri = f"sqlite:///{folder}/import.db"
        app = create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=uri, CLOCK=fixed_clock)
        with app.app_context():
            db.create_all()
            timings, counts = time_imports(repeat, schools)
            db.session.remove()
            db.engine.dispose()
    row = {
        "database": kind,
        "schools": schools,
        **counts,
        **summarise(timings),
        "max": max(timings),
    }
    row["ok"] = row["p50"] < TARGET_MS
    return row


def run(kinds=("sqlite", "postgresql"), repeat: int = 5, schools: int = 300) -> list[dict]:
    return [run_one(kind, repeat, schools) for kind in kinds]


def table(rows: list[dict]) -> str:
    lines = [
        (
            "| Database | Schools | Assignments | Occurrences | Runs | Median, ms | Max, ms "
            "| Target (< 1 s) |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [
        f"| {r['database']} | {r['schools']} | {r['assignments']} | {r['occurrences']} "
        f"| {r['n']} | {r['p50']:.0f} | {r['max']:.0f} | {'met' if r['ok'] else 'MISSED'} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(table(run(tuple(args.databases.split(",")), args.repeat, args.schools)))


if __name__ == "__main__":
    main()
