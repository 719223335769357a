"""The benchmarks still run: each at a tiny scale on SQLite, so the scripts don't rot.

The figures themselves are not asserted; docs/BENCHMARKS.md records the full-scale runs.
"""

from bench import bench_import, bench_pages, bench_parse, run, summarise

TINY = {"schools": 5, "people": 40, "occurrences": 600}


def test_summarise_takes_the_median_and_the_95th_percentile():
    figures = summarise([float(n) for n in range(1, 101)])
    assert figures == {"n": 100, "p50": 50.5, "p95": 95.0}


def test_parse_bench_times_every_seed():
    rows = bench_parse.run(repeat=2)
    assert [r["seed"][:3] for r in rows] == ["000", "001", "002", "003", "004"]
    assert all(r["p50"] > 0 for r in rows)
    assert "| 004_" in bench_parse.table(rows)


def test_import_bench_fans_out_to_every_school():
    [row] = bench_import.run(("sqlite",), repeat=2, schools=7)
    assert row["n"] == 2
    assert row["assignments"] > 14  # two items fan out to the seven schools
    assert "sqlite" in bench_import.table([row])


def test_pages_bench_serves_the_pages_over_http():
    rows = bench_pages.run(("sqlite",), count=3, scale=TINY)
    assert [r["page"] for r in rows] == ["/my", "/units", "/units?overdue=1"]
    assert all(r["requests"] == 3 and r["bytes"] > 0 and r["sql_p50"] > 0 for r in rows)
    assert "GET /my" in bench_pages.table(rows)


def test_runner_prints_the_machine(capsys):
    run.main(["--only", "parse", "--repeat", "1"])
    out = capsys.readouterr().out
    assert "## Machine" in out and "| Python |" in out and "## parse" in out
