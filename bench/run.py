"""Run the benchmarks and print Markdown tables for docs/BENCHMARKS.md.

    .venv/bin/python -m bench.run [--only parse|import|pages|calendar|reports]
                                  [--databases sqlite,postgresql]

`make bench` runs everything, then bench.bench_notifications (1,000,000 occurrences).
Pages and import need PostgreSQL on 127.0.0.1:5432 (user
postgres) unless --databases sqlite is given.
"""

import argparse

from bench import machine

BENCHES = ("parse", "import", "pages", "calendar", "reports")


def machine_table(info: dict) -> str:
    load = ", ".join(f"{x:.2f}" for x in info["load"])
    rows = [
        ("Date", info["date"]),
        ("CPU", f"{info['cpu']} × {info['nproc']} (nproc)"),
        ("Memory", info["memory"]),
        ("OS", info["os"]),
        ("Python", info["python"]),
        ("SQLite", info["sqlite"]),
        ("PostgreSQL", info["postgresql"]),
        ("Load average (1, 5, 15 min)", load),
        ("uptime", f"`{info['uptime']}`"),
        ("Reference loop `sum(range(10**6))`, best of 5", f"{info['reference_ms']:.0f} ms"),
    ]
    busy = info["load"][0] > (info["nproc"] or 1)
    lines = ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    if busy:
        lines.append(
            "\nThe load average exceeded the CPU count: the machine was shared with "
            "other work while these figures were taken."
        )
    return "\n".join(lines)


def run_bench(name: str, kinds: tuple[str, ...], requests: int, repeat: int | None) -> str:
    if name == "parse":
        from bench import bench_parse

        return bench_parse.table(bench_parse.run(repeat or 50))
    if name == "import":
        from bench import bench_import

        return bench_import.table(bench_import.run(kinds, repeat or 5))
    if name == "calendar":
        from bench import bench_calendar

        return bench_calendar.table(bench_calendar.run(kinds, requests))
    if name == "reports":
        from bench import bench_reports

        return bench_reports.table(bench_reports.run(kinds, min(requests, 60)))
    from bench import bench_pages

    return bench_pages.table(bench_pages.run(kinds, requests))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=BENCHES, action="append")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--repeat", type=int, help="timed runs per seed / import")
    args = parser.parse_args(argv)
    kinds = tuple(k for k in args.databases.split(",") if k)
    print("## Machine\n\n" + machine_table(machine()) + "\n", flush=True)
    for name in args.only or BENCHES:
        print(f"## {name}\n\n{run_bench(name, kinds, args.requests, args.repeat)}\n", flush=True)
    print("## Machine after the run\n\n" + machine_table(machine()), flush=True)


if __name__ == "__main__":
    main()
