"""tracker.domain is pure: no Flask, no SQLAlchemy, no other tracker area."""

import ast
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[2] / "tracker" / "domain"
FORBIDDEN = ("flask", "flask_", "sqlalchemy", "werkzeug", "tracker.")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


@pytest.mark.parametrize("path", sorted(DOMAIN.rglob("*.py")), ids=lambda p: p.name)
def test_domain_module_is_pure(path):
    offending = [
        name
        for name in _imports(path)
        if name.startswith(FORBIDDEN) and not name.startswith("tracker.domain")
    ]
    assert offending == []
