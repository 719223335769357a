"""problems as codes: items keep {"code", "values"} records, not Russian sentences

Revision ID: 3c1f9a7b2e10
Revises: 710e0dd53ea8
Create Date: 2026-12-04 20:00:00

"""
import json

import sqlalchemy as sa
from alembic import op

revision = "3c1f9a7b2e10"
down_revision = "710e0dd53ea8"
branch_labels = None
depends_on = None

_OWNER_MISSING = "Ответственный не указан: назначьте исполнителя вручную."
_DEADLINE_MISSING = "Срок не указан"
# Every deadline sentence the parser wrote before codes started with one of these; kept as a
# deadline note, so the next change of the item's deadline replaces it.
_DEADLINE_PREFIXES = ("Срок ", "Повторяющийся срок ", "Периодичность ")

_items = sa.table("items", sa.column("id", sa.Integer), sa.column("problems", sa.JSON))


def _record(sentence):
    if not isinstance(sentence, str):
        return sentence
    if sentence == _OWNER_MISSING:
        return {"code": "owner_missing"}
    if sentence == _DEADLINE_MISSING:
        return {"code": "deadline_missing"}
    code = "deadline_note" if sentence.startswith(_DEADLINE_PREFIXES) else "note"
    return {"code": code, "values": {"text": sentence}}


def _sentence(record):
    if not isinstance(record, dict):
        return record
    if record.get("code") == "owner_missing":
        return _OWNER_MISSING
    if record.get("code") == "deadline_missing":
        return _DEADLINE_MISSING
    return (record.get("values") or {}).get("text") or record.get("code")


def _convert(convert):
    connection = op.get_bind()
    rows = connection.execute(sa.select(_items.c.id, _items.c.problems)).all()
    for item_id, problems in rows:
        if isinstance(problems, str):
            problems = json.loads(problems)
        if not problems:
            continue
        new = [convert(problem) for problem in problems]
        if new != problems:
            connection.execute(
                _items.update().where(_items.c.id == item_id).values(problems=new)
            )


def upgrade():
    _convert(_record)


def downgrade():
    _convert(_sentence)
