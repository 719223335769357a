"""Benchmark: the all-documents progress report over a 120,000-occurrence synthetic region.

Run: .venv/bin/python bench/bench_reports.py [--databases sqlite,postgresql] [--requests N]
Targets (issue 6): the report page p95 < 200 ms over real HTTP (waitress on 127.0.0.1) on
SQLite and PostgreSQL; the .xlsx export of all of it < 10 s and < 300 MB peak RSS (measured
with resource.getrusage in a child process that does nothing else).
"""

import argparse
import http.client
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text
from waitress import create_server
from werkzeug.security import generate_password_hash

from bench import BenchConfig, fixed_clock, machine, postgres_database, summarise
from tracker import create_app
from tracker.extensions import db

AS_OF = "2022-06-20"
TARGET_P95_MS = 200.0
TARGET_XLSX_S, TARGET_XLSX_MB = 10.0, 300.0
PAGES = {
    "half-year": {"preset": "h1", "year": "2022", "as_of": AS_OF},
    "whole": {"preset": "document", "as_of": AS_OF},
    "discipline": {"preset": "h1", "year": "2022", "as_of": AS_OF, "_path": "discipline"},
}


def make_app(url: str):
    return create_app(BenchConfig, SQLALCHEMY_DATABASE_URI=url, CLOCK=fixed_clock)


def seed(app, occurrences: int) -> float:
    """The region plus one admin account; returns the seconds it took."""
    from bench.synthetic import build_region
    from tracker.auth.models import User

    began = time.perf_counter()
    with app.app_context():
        db.create_all()
        build_region(db.session, occurrences=occurrences)
        admin = User(
            login="bench-admin",
            password_hash=generate_password_hash("bench-pass-1", "pbkdf2:sha256:1000"),
        )
        admin.roles = ("admin",)
        db.session.add(admin)
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            with db.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
    return time.perf_counter() - began


def serve(app):
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return server, server.effective_port


def sign_in(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    body = urlencode({"login": "bench-admin", "password": "bench-pass-1"})
    conn.request(
        "POST", "/login", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    response = conn.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    conn.close()
    assert response.status == 302, response.status
    return cookie


def measure(port: int, path: str, count: int, cookie: str) -> tuple[list[float], int, int]:
    """Milliseconds per request over one keep-alive connection; also status and size."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    timings, status, size = [], 0, 0
    for _ in range(count):
        began = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - began) * 1000)
        status, size = response.status, len(body)
    conn.close()
    return timings, status, size


def page_path(spec: dict) -> str:
    args = {k: v for k, v in spec.items() if not k.startswith("_")}
    return f"/reports/{spec.get('_path', '')}?{urlencode(args)}"


def xlsx_child(url: str) -> None:
    """In a fresh process: export everything through the view; print seconds and peak RSS."""
    app = make_app(url)
    with app.app_context():
        from tracker.auth.models import User

        admin = db.session.scalar(db.select(User).filter_by(login="bench-admin"))
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(admin.id)
        session["_fresh"] = True
    before = resource.getrusage(resource.RUSAGE_SELF)
    began = time.perf_counter()
    response = client.get("/reports/export.xlsx?" + urlencode(PAGES["whole"]))
    size = len(response.data)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    print(
        json.dumps(
            {
                "status": response.status_code,
                "seconds": seconds,
                "cpu_s": cpu,
                "bytes": size,
                "peak_rss_mb": usage.ru_maxrss / 1024,
            }
        )
    )


def run_xlsx(url: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--xlsx-child", url], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_database(kind: str, url: str, requests: int, occurrences: int) -> list[dict]:
    app = make_app(url)
    seconds = seed(app, occurrences)
    server, port = serve(app)
    cookie = sign_in(port)
    rows = []
    for name, spec in PAGES.items():
        path = page_path(spec)
        measure(port, path, 3, cookie)  # warm up
        timings, status, size = measure(port, path, requests, cookie)
        rows.append(
            {
                "database": kind,
                "what": name,
                "status": status,
                "bytes": size,
                "seed_s": seconds,
                **summarise(timings),
            }
        )
    server.close()
    with app.app_context():
        db.engine.dispose()
    rows.append({"database": kind, "what": "xlsx", "seed_s": seconds, **run_xlsx(url)})
    return rows


def run(
    kinds=("sqlite", "postgresql"), requests: int = 50, occurrences: int = 120_000
) -> list[dict]:
    rows = []
    for kind in kinds:
        if kind == "sqlite":
            with tempfile.TemporaryDirectory(prefix="bench-reports-") as workdir:
                rows += bench_database(kind, f"sqlite:///{workdir}/bench.db", requests, occurrences)
        else:
            with postgres_database("bench_reports") as url:
                rows += bench_database(kind, url, requests, occurrences)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| Database | Report | n | p50, ms | p95, ms | Target | Met |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        if r["what"] == "xlsx":
            ok = r["seconds"] < TARGET_XLSX_S and r["peak_rss_mb"] < TARGET_XLSX_MB
            lines.append(
                f"| {r['database']} | .xlsx of everything ({r['bytes'] // 1024} KB) "
                f"| 1 | {r['seconds'] * 1000:.0f} (CPU {r['cpu_s']:.1f} s) "
                f"| peak RSS {r['peak_rss_mb']:.0f} MB "
                f"| < 10 s, < 300 MB | {'yes' if ok else 'NO'} |"
            )
        else:
            ok = r["p95"] < TARGET_P95_MS
            lines.append(
                f"| {r['database']} | {r['what']} ({r['bytes'] // 1024} KB) "
                f"| {r['n']} | {r['p50']:.0f} | {r['p95']:.0f} | p95 < 200 ms "
                f"| {'yes' if ok else 'NO'} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--occurrences", type=int, default=120_000)
    parser.add_argument("--xlsx-child")
    args = parser.parse_args()
    if args.xlsx_child:
        return xlsx_child(args.xlsx_child)
    info = machine()
    print(f"{info['date']}; nproc={info['nproc']}; {info['cpu']}; load {info['load']}")
    kinds = tuple(k for k in args.databases.split(",") if k)
    print(table(run(kinds, args.requests, args.occurrences)), flush=True)
    print(f"load after: {machine()['load']}")


if __name__ == "__main__":
    main()
