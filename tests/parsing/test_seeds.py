"""The five seed documents: no crash, full marks on the goldens, expectations for the rest."""

from __future__ import annotations

import importlib.util
import json
import statistics
import time
from datetime import date
from pathlib import Path

import pytest

from tracker.parsing.api import parse_bytes

TODAY = date(2026, 1, 15)  # stands in for undated documents

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "demo" / "seeds"  # the seed documents, kept in the repository for the demo
SHARED = REPO.parent / "shared"  # goldens and scorer: the shared spec, beside the repo in CI
ACCEPTANCE = SHARED / "acceptance"
needs_shared = pytest.mark.skipif(
    not (SHARED / "tools" / "score_parse.py").is_file(), reason="shared/ is not beside the repo"
)


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def parsed(prefix: str) -> dict:
    path = seed(prefix)
    return parse_bytes(path.read_bytes(), path.name, today=TODAY).to_contract()


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_parse", SHARED / "tools" / "score_parse.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def persons(item) -> list[str]:
    return [o["name"] for o in item["owners"] if o["kind"] == "person"]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_parses_to_the_contract(prefix):
    doc = parsed(prefix)
    assert set(doc) == {
        "kind",
        "title",
        "number",
        "date",
        "period",
        "controller",
        "items",
        "problems",
    }
    assert doc["items"]
    json.dumps(doc, ensure_ascii=False)


@needs_shared
@pytest.mark.parametrize(
    "golden", sorted(ACCEPTANCE.glob("*.golden.json")), ids=lambda p: p.name[:3]
)
def test_goldens_score_in_full(golden):
    expected = json.loads(golden.read_text(encoding="utf-8"))
    line, log, out, precision = _scorer()(expected, parsed(golden.name[:3]))
    assert out["items"] == out["n"], (line, log)
    assert precision == 1.0, (line, log)
    for key in ("deadline", "owners", "stage", "meta"):
        assert out[key][0] == out[key][1], (line, log)


def test_000_protocol():
    doc = parsed("000")
    assert (doc["kind"], doc["number"], doc["date"]) == ("protocol", "5", "2021-06-28")
    assert [(i["number"], i["actionable"]) for i in doc["items"]] == [("1.1", False), ("1.2", True)]
    placed = doc["items"][1]
    assert placed["text"].startswith("Информацию «О выполнении дорожной карты")
    assert placed["deadline"]["kind"] == "none" and placed["problems"]
    assert doc["controller"] is None


def test_002_order():
    doc = parsed("002")
    assert (doc["kind"], doc["number"], doc["date"]) == ("order", "124", "2021-06-07")
    assert doc["controller"]["name"] == "Игнатенко Н.В."
    assert 2 <= len(doc["items"]) <= 3
    assert doc["items"][0]["text"].startswith("Утвердить Порядок проведения мониторинга")
    assert all("Игнатенко" not in name for item in doc["items"] for name in persons(item))
    actionable = [item for item in doc["items"] if item["actionable"]]
    assert len(actionable) == 2
    assert not any("Настоящий Порядок" in item["text"] for item in doc["items"])


def test_003_resolution():
    doc = parsed("003")
    assert (doc["kind"], doc["number"], doc["date"]) == ("resolution", None, "2022-05-17")
    items = doc["items"]
    assert len(items) == 14
    kinds = [[o["kind"] for o in item["owners"]] for item in items]
    assert kinds[:5] == [["org"]] * 5 and kinds[5:] == [["group"]] * 9
    assert all(not persons(item) for item in items)
    assert sum(item["deadline"]["kind"] == "none" for item in items) >= 12
    assert not any(item["text"].startswith("Профессиональная ориентация") for item in items)


def test_004_roadmap_skips_the_passport():
    doc = parsed("004")
    assert doc["kind"] == "roadmap"
    assert [item["number"] for item in doc["items"]][:3] == ["1.1", "1.2", "1.3"]
    assert len(doc["items"]) == 17
    assert doc["items"][-1]["result"].startswith("Приказ о подготовке")


def test_parsing_is_fast():
    data = {p: seed(p).read_bytes() for p in ("000", "001", "002", "003", "004")}
    for name, content in data.items():
        parse_bytes(content, f"{name}.txt", today=TODAY)
    timings = []
    for _ in range(5):
        for name, content in data.items():
            started = time.perf_counter()
            parse_bytes(content, f"{name}.txt", today=TODAY)
            timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.05
