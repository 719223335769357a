"""SMTP: one connection per delivery sweep, STARTTLS or SSL and login as configured."""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

SMTP_ERRORS = (smtplib.SMTPException, OSError)


class Mailer:
    """Opens the connection on the first message and reuses it; an error closes it so the
    next message starts afresh."""

    def __init__(self, config) -> None:
        self.config = config
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> "Mailer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(self, message: EmailMessage) -> None:
        try:
            self._connection().send_message(message)
        except SMTP_ERRORS:
            self._drop()
            raise

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except SMTP_ERRORS:
                pass
            self._smtp = None

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self._smtp = self._connect()
        return self._smtp

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        host, port, timeout = c["MAIL_SERVER"], c["MAIL_PORT"], c.get("MAIL_TIMEOUT", 10)
        if c.get("MAIL_USE_SSL"):
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
            if c.get("MAIL_USE_TLS"):
                smtp.starttls(context=ssl.create_default_context())
        if c.get("MAIL_USERNAME"):
            smtp.login(c["MAIL_USERNAME"], c.get("MAIL_PASSWORD") or "")
        return smtp


def build_message(config, to: str, to_name: str, subject: str, text: str, html: str,
                  headers: dict[str, str] | None = None) -> EmailMessage:
    """A Russian plain-text message with an HTML alternative."""
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = formataddr((to_name, to))
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="tracker")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message
