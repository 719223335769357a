"""Helpers that drive the import wizard like a browser."""

import io
import re
from pathlib import Path

from bs4 import BeautifulSoup

SEED_004 = Path(__file__).resolve().parents[2] / "demo" / "seeds" / "004_f76f826bb9665c0b.txt"


def upload(client, data: bytes, filename: str, issuer_id: int, follow=False):
    return client.post(
        "/documents/import",
        data={
            "document": (io.BytesIO(data), filename),
            "issuer": str(issuer_id),
            "text": "",
        },
        content_type="multipart/form-data",
        follow_redirects=follow,
    )


def draft_id_of(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    return int(re.search(r"/documents/import/(\d+)$", response.headers["Location"]).group(1))


def form_fields(html: str, form_id: str = "preview") -> dict[str, str]:
    """What a browser would submit from the form, before pressing a button."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    fields: dict[str, str] = {}
    for tag in form.find_all(["input", "select", "textarea"]):
        name = tag.get("name")
        if not name or tag.get("type") == "submit":
            continue
        if tag.name == "select":
            chosen = tag.find("option", selected=True) or tag.find("option")
            fields[name] = chosen.get("value", chosen.text) if chosen else ""
        elif tag.name == "textarea":
            fields[name] = tag.text.lstrip("\n")
        elif tag.get("type") == "checkbox":
            if tag.has_attr("checked"):
                fields[name] = tag.get("value", "y")
        else:
            fields[name] = tag.get("value", "")
    return fields


def item_index(html: str, number: str) -> int:
    """The preview's index of the item printed with this number."""
    soup = BeautifulSoup(html, "html.parser")
    for section in soup.select("section.preview-item"):
        if section.find("strong").text.strip() == number:
            return int(section["id"].removeprefix("item-"))
    raise AssertionError(f"item {number} not in the preview")


def owner_index(html: str, item: int, raw: str) -> int:
    soup = BeautifulSoup(html, "html.parser")
    owners = soup.find("section", id=f"item-{item}").select("div.owner")
    for index, owner in enumerate(owners):
        if owner.find("span", class_="raw").text.strip().startswith(raw):
            return index
    raise AssertionError(f"owner {raw} not in item {item}")


def submit(client, draft_id: int, fields: dict, button: str = "confirm", follow=False):
    return client.post(
        f"/documents/import/{draft_id}", data={**fields, button: "1"}, follow_redirects=follow
    )
