"""Benchmark: parsing each demo seed with parse_bytes (issue 3; target median < 50 ms).

Run: .venv/bin/python -m bench.bench_parse [--repeat N]
"""

import argparse
import time
from pathlib import Path

from bench import CLOCK_NOW, summarise
from tracker.parsing.api import parse_bytes

SEEDS = Path(__file__).resolve().parents[1] / "demo" / "seeds"
TARGET_MEDIAN_MS = 50.0
WARM_UP = 3


def time_seed(path: Path, repeat: int) -> dict:
    """Milliseconds per parse of one seed, after a few warm-up parses (caches, imports)."""
    data = path.read_bytes()
    today = CLOCK_NOW.date()
    for _ in range(WARM_UP):
        parsed = parse_bytes(data, path.name, today=today)
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        parse_bytes(data, path.name, today=today)
        timings.append((time.perf_counter() - began) * 1000)
    row = {"seed": path.name, "bytes": len(data), "items": len(parsed.items)}
    row.update(summarise(timings))
    row["ok"] = row["p50"] < TARGET_MEDIAN_MS
    return row


def run(repeat: int = 50, seeds: list[Path] | None = None) -> list[dict]:
    return [time_seed(path, repeat) for path in seeds or sorted(SEEDS.glob("*.txt"))]


def table(rows: list[dict]) -> str:
    lines = [
        "| Seed | Bytes | Items | Median, ms | p95, ms | Target (median < 50 ms) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    lines += [
        f"| {r['seed']} | {r['bytes']} | {r['items']} | {r['p50']:.1f} | {r['p95']:.1f} "
        f"| {'met' if r['ok'] else 'MISSED'} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    print(table(run(args.repeat)))


if __name__ == "__main__":
    main()
