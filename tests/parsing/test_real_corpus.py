"""The real documents of ../shared/corpus/real read to the targets of issue 11.

They are public documents and never copied here: the test reads them beside the repository
and skips where they are absent (a clone without shared/).
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from tracker.parsing.api import parse_bytes

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SCORER = SHARED / "tools" / "score_parse.py"
pytestmark = pytest.mark.skipif(
    not (CORPUS / "golden").is_dir() or not SCORER.is_file(), reason="shared/corpus/real absent"
)
TARGETS = {"items": 0.95, "precision": 0.95, "deadlines": 0.90, "owners": 0.90, "meta": 0.90}


def _score():
    spec = importlib.util.spec_from_file_location("score_parse", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _checks(golden: dict) -> tuple[int, int]:
    items = [g for g in golden["items"] if g.get("actionable", True)]
    return sum("deadline" in g for g in items), sum("owners" in g for g in items)


def test_the_real_corpus_reads_to_its_targets():
    score = _score()
    totals = dict.fromkeys(("items", "n", "extra", "d", "dn", "o", "on", "m", "mn"), 0)
    for path in sorted((CORPUS / "golden").glob("*.golden.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        source = CORPUS / golden["source"]
        parsed = parse_bytes(source.read_bytes(), source.name, today=date.today()).to_contract()
        _, _, out, precision = score(golden, parsed)
        deadlines, owners = _checks(golden)
        matched = out["items"]
        totals["items"] += matched
        totals["n"] += out["n"]
        totals["extra"] += round(matched / precision - matched) if precision else 0
        totals["d"] += out["deadline"][0]
        totals["dn"] += deadlines
        totals["o"] += max(out["owners"][0], 0)
        totals["on"] += owners
        totals["m"] += out["meta"][0]
        totals["mn"] += out["meta"][1]
    figures = {
        "items": totals["items"] / totals["n"],
        "precision": totals["items"] / (totals["items"] + totals["extra"]),
        "deadlines": totals["d"] / totals["dn"],
        "owners": totals["o"] / totals["on"],
        "meta": totals["m"] / totals["mn"],
    }
    assert all(figures[key] >= target for key, target in TARGETS.items()), figures
