"""Reading the figures back off the report page, the Word справка and the workbook."""

from bs4 import BeautifulSoup

FIGURES = ("due", "on_time", "late", "overdue", "not_needed", "not_yet_due", "share")


def page_figures(html: str, table_id: str = "stage-figures", attr: str = "data-stage") -> dict:
    """{row key: (due, on_time, …, share)} from a figures table on the page."""
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find(id=table_id)
    result = {}
    for tr in table.find_all("tr", attrs={attr: True}):
        cells = {
            td["data-figure"]: td.get_text(strip=True)
            for td in tr.find_all("td", attrs={"data-figure": True})
        }
        result[tr[attr]] = tuple(
            cells[k] if k == "share" else int(cells[k]) for k in FIGURES if k in cells
        )
    return result
