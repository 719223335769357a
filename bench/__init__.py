"""Benchmarks (not timed tests): synthetic data, runners, and the helpers they share.

`python -m bench.run` runs them all and prints the tables docs/BENCHMARKS.md records.
"""

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from config import Config

PG_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
# The synthetic region's reference day (bench/synthetic.py REFERENCE_DAY), 09:00 in Moscow.
CLOCK_NOW = datetime(2022, 6, 20, 6, 0, tzinfo=UTC)


class BenchConfig(Config):
    """The production config minus what a bench must not measure (CSRF, slow hashing)."""

    WTF_CSRF_ENABLED = False
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    LOGIN_THROTTLE_MAX_DELAY = 0.0


def fixed_clock():
    """The instant every bench runs at: the middle of the synthetic region's three years."""
    return CLOCK_NOW


def summarise(timings_ms: list[float]) -> dict:
    """Median, p95 and count of a list of milliseconds."""
    ordered = sorted(timings_ms)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"n": len(ordered), "p50": statistics.median(ordered), "p95": p95}


def serve_forever(app) -> None:
    """Subprocess entry of a bench: serve `app` on a free loopback port, print the port."""
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    print(server.effective_port, flush=True)
    server.run()


@contextmanager
def served(module: str, uri: str):
    """`python -m <module> --serve <uri>` in its own process, so the client's timing does
    not share the server's GIL; yields the port it listens on."""
    proc = subprocess.Popen(
        [sys.executable, "-m", module, "--serve", uri], stdout=subprocess.PIPE, text=True
    )
    try:
        yield int(proc.stdout.readline())
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


@contextmanager
def postgres_database(prefix: str = "tracker_bench", admin_url: str = PG_ADMIN_URL):
    """A fresh PostgreSQL database on 127.0.0.1, dropped afterwards (benches and tests)."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def postgres_version() -> str:
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
        engine.dispose()
        return str(version)
    except (OSError, SQLAlchemyError) as exc:  # the table still prints without PostgreSQL
        return f"unavailable ({exc.__class__.__name__})"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            kib = int(meminfo.readline().split()[1])
        return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def reference_loop_ms() -> float:
    """Best of 5 `sum(range(10**6))`: a CPU yardstick to judge how loaded the machine was."""
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        sum(range(10**6))
        best = min(best, (time.perf_counter() - began) * 1000)
    return best


def machine() -> dict:
    """What the figures were measured on, and how busy the machine was."""
    uptime = subprocess.run(["uptime"], check=False, capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory": _memory(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version(),
        "load": os.getloadavg(),
        "reference_ms": reference_loop_ms(),
        "uptime": uptime,
    }
