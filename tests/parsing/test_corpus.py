"""Documents written for generality (tests/parsing/corpus): each must score full marks.

Each `*.expected.json` is in the golden format of shared/acceptance and names its source:
a file beside it, or a .docx made by `corpus_builders`. The scorer is the shared one.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from tests.parsing.corpus_builders import BUILDERS
from tracker.parsing.api import parse_bytes

CORPUS = Path(__file__).resolve().parent / "corpus"
SHARED_SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "score_parse.py"
# The shared scorer when it is beside the repo (CI); else the copy kept in vendor/.
SCORER = SHARED_SCORER if SHARED_SCORER.is_file() else CORPUS.parent / "vendor" / "score_parse.py"
EXPECTED = sorted(CORPUS.glob("*.expected.json"))
TODAY = date(2023, 6, 1)


def _score():
    spec = importlib.util.spec_from_file_location("score_parse", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def parsed(source: str) -> dict:
    builder = BUILDERS.get(source)
    data = builder() if builder else (CORPUS / source).read_bytes()
    return parse_bytes(data, source, today=TODAY).to_contract()


def full_marks(out: dict, precision: float) -> bool:
    pairs = [out[key] for key in ("deadline", "owners", "stage", "meta")]
    return out["items"] == out["n"] and precision == 1.0 and all(a == b for a, b in pairs)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.name.split(".")[0])
def test_corpus_document_scores_full_marks(expected):
    golden = json.loads(expected.read_text(encoding="utf-8"))
    line, log, out, precision = _score()(golden, parsed(golden["source"]))
    assert full_marks(out, precision), "\n".join([line, *log])


def test_the_corpus_is_large_enough():
    assert len(EXPECTED) >= 12


def _item(doc: dict, start: str) -> dict:
    return next(item for item in doc["items"] if start.lower() in item["text"].lower())


def test_a_mid_sentence_monthly_deadline_recurs_on_its_day():
    doc = parsed("03_protocol_postanovili.txt")
    item = _item(doc, "представлять в управление")
    assert "FREQ=MONTHLY" in item["deadline"]["rrule"]
    assert "BYMONTHDAY=5" in item["deadline"]["rrule"]
    assert [o["kind"] for o in item["owners"]] == ["group"]


def test_a_controller_clause_is_never_an_actionable_item():
    for source in ("05_order_appendix.txt", "06_order_self_control.txt", "10_order.html"):
        doc = parsed(source)
        assert not [i for i in doc["items"] if i["actionable"] and "онтроль" in i["text"][:12]]
