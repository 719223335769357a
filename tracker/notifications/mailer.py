"""SMTP: one connection per delivery sweep, STARTTLS or SSL and login as configured."""

import base64
import contextlib
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.header import Header
from email.utils import formataddr, formatdate, make_msgid
from typing import Self

SMTP_ERRORS = (smtplib.SMTPException, OSError)


class Mailer:
    """Opens the connection on the first message and reuses it; an error closes it so the
    next message starts afresh."""

    def __init__(self, config) -> None:
        self.config = config
        self._smtp: smtplib.SMTP | None = None
        self.unavailable = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(self, message: "Mail") -> None:
        try:
            self._connection().sendmail(message.sender, [message.recipient], message.data)
        except SMTP_ERRORS:
            self._drop()
            raise

    def close(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(SMTP_ERRORS):
                self._smtp.quit()
            self._smtp = None

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            try:
                self._smtp = self._connect()
            except SMTP_ERRORS:
                self.unavailable = True  # no server: the sweep stops instead of trying each row
                raise
        return self._smtp

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        host, port, timeout = c["MAIL_SERVER"], c["MAIL_PORT"], c.get("MAIL_TIMEOUT", 10)
        if c.get("MAIL_USE_SSL"):
            smtp = smtplib.SMTP_SSL(
                host, port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
            if c.get("MAIL_USE_TLS"):
                smtp.starttls(context=ssl.create_default_context())
        if c.get("MAIL_USERNAME"):
            smtp.login(c["MAIL_USERNAME"], c.get("MAIL_PASSWORD") or "")
        return smtp


@dataclass(frozen=True)
class Mail:
    """A message ready for the wire: envelope and the RFC 5322 bytes."""

    sender: str
    recipient: str
    data: bytes


def build_message(
    config,
    to: str,
    to_name: str,
    subject: str,
    text: str,
    html: str,
    headers: dict[str, str] | None = None,
) -> Mail:
    """A Russian plain-text message with an HTML alternative, UTF-8 and base64.

    Written out directly rather than through email.message: its generator re-parses and
    folds every header and costs milliseconds a message, which is the delivery budget.
    """
    boundary = f"=_tracker_{uuid.uuid4().hex}"
    lines = [
        f"From: {config['MAIL_FROM']}",
        f"To: {formataddr((to_name, to), charset='utf-8')}",
        f"Subject: {Header(subject, 'utf-8').encode()}",
        f"Date: {formatdate(usegmt=True)}",
        f"Message-ID: {make_msgid(domain='tracker')}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
        *(f"{name}: {value}" for name, value in (headers or {}).items()),
        "",
    ]
    for subtype, body in (("plain", text), ("html", html)):
        lines += [
            f"--{boundary}",
            f"Content-Type: text/{subtype}; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64.encodebytes(body.encode()).decode().rstrip("\n"),
        ]
    lines += [f"--{boundary}--", ""]
    data = "\r\n".join(lines).replace("\r\n", "\n").replace("\n", "\r\n")
    return Mail(config["MAIL_FROM"], to, data.encode("ascii"))
