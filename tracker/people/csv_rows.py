"""Reading a directory CSV into rows and checking each row on its own.

Columns are found by their header, in Russian or English; the encoding (UTF-8 with or
without BOM, or Windows-1251) and the delimiter (";" or ",") are detected.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _

from tracker.people.services import KIND_LABELS, ROLE_LABELS, TIMEZONES, derive_initials

HEADERS = {
    "organisation": ("organisation", "организация"),
    "parent": ("parent", "вышестоящая", "вышестоящая организация"),
    "kind": ("kind", "тип"),
    "timezone": ("timezone", "часовой пояс"),
    "surname": ("surname", "фамилия"),
    "first_name": ("first_name", "имя"),
    "patronymic": ("patronymic", "отчество"),
    "position": ("position", "должность"),
    "email": ("email", "e-mail", "электронная почта"),
    "head": ("head", "руководитель"),
    "login": ("login", "логин"),
    "roles": ("roles", "роли"),
}
KIND_ALIASES = {
    "управление": "department",
    "отдел": "department",
    "управление образования": "department",
    "отдел образования": "department",
    "подразделение": "unit",
    "оо": "school",
    "общеобразовательная организация": "school",
    "доо": "kindergarten",
    "дошкольная организация": "kindergarten",
    "организация": "institution",
}
YES, NO = ("да", "yes", "1", "true", "+", "д"), ("нет", "no", "0", "false", "-", "н", "")
MAX_LENGTHS = {
    "organisation": 300,
    "parent": 300,
    "surname": 100,
    "first_name": 100,
    "patronymic": 100,
    "position": 300,
    "email": 254,
    "login": 120,
}
PERSON_FIELDS = ("surname", "first_name", "patronymic", "position", "email", "login", "roles")
INITIALS_ONLY_RE = re.compile(r"^([А-ЯЁA-Z])\.\s*(?:([А-ЯЁA-Z])\.?)?$")


def norm(text: str) -> str:
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").lower().split())


@dataclass
class Row:
    line: int
    values: dict[str, str]
    kind: str | None = None
    timezone: str | None = None
    roles: list[str] | None = None
    head: bool | None = None

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    @property
    def has_person(self) -> bool:
        return any(self.get(k) for k in PERSON_FIELDS)

    def names(self) -> tuple[str, str, str]:
        """First name, patronymic and initials; "Л.Ю." in the first-name column is initials."""
        first, patronymic = self.get("first_name"), self.get("patronymic")
        match = INITIALS_ONLY_RE.match(first)
        if match and not patronymic:
            return "", "", "".join(filter(None, match.groups()))
        return first, patronymic, derive_initials(first, patronymic)


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    organisations_created: int = 0
    people_created: int = 0
    people_updated: int = 0
    accounts_created: int = 0
    accounts_updated: int = 0


def decode(raw: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1251 (what Excel saves in Russia)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def _delimiter(text: str) -> str:
    """ ";" (Excel in a Russian locale) unless the header line holds more commas."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return "," if header.count(",") > header.count(";") else ";"


def _header_keys(header: list[str]) -> list[str | None]:
    lookup = {norm(alias): key for key, aliases in HEADERS.items() for alias in aliases}
    return [lookup.get(norm(name)) for name in header]


def read_rows(text: str, result: ImportResult) -> list[Row]:
    """Rows keyed by canonical column names; blank lines skipped."""
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    keys = _header_keys(next(reader, []))
    if "organisation" not in keys:
        result.errors.append(_("В первой строке нет столбца «Организация» (organisation)."))
        return []
    rows = []
    for cells in reader:
        values = {k: c.strip() for k, c in zip(keys, cells, strict=False) if k}
        if any(values.values()):
            rows.append(Row(reader.line_num, values))
    return rows


# --- checking --------------------------------------------------------------------------


def _kind(value: str) -> str | None:
    key = norm(value)
    by_label = {norm(label): kind for kind, label in KIND_LABELS.items()}
    return key if key in KIND_LABELS else by_label.get(key) or KIND_ALIASES.get(key)


def _roles(value: str) -> list[str] | None:
    by_label = {norm(label): role for role, label in ROLE_LABELS.items()}
    roles = []
    for part in filter(None, (norm(p) for p in re.split(r"[,;|/]", value))):
        role = part if part in ROLE_LABELS else by_label.get(part)
        if role is None:
            return None
        roles.append(role)
    return roles or ["executor"]


def check_values(row: Row) -> list[str]:
    """Problems a row has on its own, whatever the database holds."""
    problems = []
    if not row.get("organisation"):
        problems.append(_("не указана организация"))
    if row.get("kind"):
        row.kind = _kind(row.get("kind"))
        if row.kind is None:
            problems.append(_("неизвестный тип «%(v)s»", v=row.get("kind")))
    if row.get("timezone"):
        row.timezone = {z.lower(): z for z in TIMEZONES}.get(row.get("timezone").lower())
        if row.timezone is None:
            problems.append(_("неизвестный часовой пояс «%(v)s»", v=row.get("timezone")))
    problems += [
        _("слишком длинное значение «%(v)s…»", v=row.get(key)[:40])
        for key, limit in MAX_LENGTHS.items()
        if len(row.get(key)) > limit
    ]
    problems += _check_person(row)
    return problems


def _check_person(row: Row) -> list[str]:
    problems = []
    if row.has_person and not row.get("surname"):
        problems.append(_("не указана фамилия"))
    if row.get("email"):
        try:
            validate_email(row.get("email"), check_deliverability=False)
        except EmailNotValidError:
            problems.append(_("неверный e-mail «%(v)s»", v=row.get("email")))
    head = norm(row.get("head"))
    row.head = True if head in YES else False if head in NO else None
    if row.head is None:
        problems.append(_("в столбце «Руководитель» должно быть «да» или «нет»"))
    row.roles = _roles(row.get("roles"))
    if row.roles is None:
        problems.append(_("неизвестная роль в «%(v)s»", v=row.get("roles")))
    return problems
