"""`tracker parse PATH`: print the parse of one document as the contract's JSON."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from tracker.domain.deadlines import Period
from tracker.parsing.api import parse_bytes
from tracker.parsing.readers import MAX_BYTES, UnreadableDocument


def run_parse(path: str, period_start: str | None, period_end: str | None) -> int:
    """Print the JSON on stdout and return 0; one Russian line on stderr and 2 if unreadable."""
    try:
        data = _read(Path(path))
        today = date.today()  # the command runs outside the app: the machine's date
        document = parse_bytes(data, Path(path).name, today=today)
        period = _override(document.period, period_start, period_end)
        if period is not None:
            document = parse_bytes(data, Path(path).name, period=period, today=today)
    except UnreadableDocument as exc:
        print(f"Не удалось прочитать {path}: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"Неверный период: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(document.to_contract(), ensure_ascii=False, indent=2))
    return 0


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableDocument(f"файл больше {MAX_BYTES} байт.")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"файл не открывается ({exc.strerror or exc}).") from exc


def _override(derived: Period, start: str | None, end: str | None) -> Period | None:
    """--period-start/--period-end replace the derived bounds (either may be given)."""
    if not start and not end:
        return None
    first = date.fromisoformat(start) if start else derived.start
    last = date.fromisoformat(end) if end else derived.end
    return Period(first, last)
