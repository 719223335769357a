"""Evidence files on disk: checked before anything is written, stored under a random name
outside the web root, read back only through a view that checks the right to see them."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, g
from flask_babel import gettext as _

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
ZIP = b"PK\x03\x04"
PART = ".part"  # a file written but not yet committed


class EvidenceError(ValueError):
    """A file that may not be stored; the message is for the user."""


@dataclass(frozen=True)
class CheckedFile:
    original_name: str
    data: bytes
    content_type: str


def _magic_matches(extension: str, data: bytes) -> bool:
    """The first bytes must be what the extension claims: a renamed .exe is not a PDF."""
    if extension == "pdf":
        return data.startswith(b"%PDF")
    if extension in ("docx", "xlsx"):
        return data.startswith(ZIP)
    if extension == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if extension == "gif":
        return data[:6] in (b"GIF87a", b"GIF89a")
    if extension == "webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return False


def _clean_name(filename: str | None) -> str:
    name = os.path.basename((filename or "").replace("\\", "/")).strip()
    return name[-255:] if name else ""


def check(upload) -> CheckedFile:
    """Read an uploaded werkzeug FileStorage and refuse it unless it is allowed evidence."""
    name = _clean_name(upload.filename)
    if not name:
        raise EvidenceError(_("Выберите файл."))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = current_app.config["EVIDENCE_EXTENSIONS"]
    if extension not in allowed or extension not in CONTENT_TYPES:
        raise EvidenceError(
            _(
                "Файл «%(name)s» нельзя загрузить: допустимы %(kinds)s.",
                name=name,
                kinds=", ".join(allowed),
            )
        )
    limit = current_app.config["EVIDENCE_MAX_BYTES"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise EvidenceError(
            _("Файл «%(name)s» больше %(mb)s МБ.", name=name, mb=round(limit / 1024 / 1024, 1))
        )
    if not data:
        raise EvidenceError(_("Файл «%(name)s» пуст.", name=name))
    if not _magic_matches(extension, data):
        raise EvidenceError(
            _(
                "Содержимое файла «%(name)s» не соответствует расширению .%(ext)s.",
                name=name,
                ext=extension,
            )
        )
    return CheckedFile(name, data, CONTENT_TYPES[extension])


def evidence_dir() -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / "evidence"


def write(data: bytes) -> str:
    """Store the bytes under a temporary name and return the name they will have.

    The file becomes visible only when finalise() runs after the commit; until then it is
    "<name>.part", and discard() removes it, so a rolled-back request leaves nothing behind.
    """
    folder = evidence_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16)
    with open(folder / (stored_name + PART), "xb") as handle:
        handle.write(data)
    _pending().append(stored_name)
    return stored_name


def _pending() -> list[str]:
    if "pending_evidence" not in g:
        g.pending_evidence = []
    return g.pending_evidence


def finalise() -> None:
    """After a successful commit: move this request's new files into place."""
    folder = evidence_dir()
    for name in g.pop("pending_evidence", []):
        os.replace(folder / (name + PART), folder / name)


def discard() -> None:
    """After a rollback (or any failure): delete this request's files not yet finalised."""
    folder = evidence_dir()
    for name in g.pop("pending_evidence", []):
        (folder / (name + PART)).unlink(missing_ok=True)


def path_of(stored_name: str) -> Path:
    if not stored_name or not all(c in "0123456789abcdef" for c in stored_name):
        raise FileNotFoundError(stored_name)
    return evidence_dir() / stored_name
