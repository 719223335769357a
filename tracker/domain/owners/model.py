"""The owner of an assignment as the parsers report it."""

from dataclasses import dataclass

KINDS = ("person", "org", "group")


@dataclass
class Owner:
    """A person ("Фамилия И.О.", nominative), an organisation or unit, or a set of institutions."""

    raw: str
    kind: str
    name: str
    position: str | None = None
    group: str | None = None

    def to_contract(self) -> dict:
        """The owner object of PARSE-CONTRACT.md."""
        return {"raw": self.raw, "kind": self.kind, "name": self.name, "position": self.position}
