"""Stacked bars as inline SVG drawn on the server: no script, no CDN, prints as it shows."""

from flask_babel import gettext as _
from markupsafe import Markup, escape

from tracker.domain.progress import LATE, NOT_YET_DUE, ON_TIME, OUTCOME_LABELS, OVERDUE
from tracker.reports.queries import Counts

SEGMENTS = (
    (ON_TIME, "#12b76a"),
    (LATE, "#f79009"),
    (OVERDUE, "#d92d20"),
    (NOT_YET_DUE, "#98a2b3"),
)


def segments(counts: Counts, width: float) -> list[tuple[str, float, float, int]]:
    """(outcome, x, width, count) of each non-empty segment; they fill `width` together."""
    values = [(key, getattr(counts, key)) for key, _ in SEGMENTS]
    total = sum(v for _, v in values)
    if total == 0:
        return []
    result, x = [], 0.0
    for key, value in values:
        if value:
            w = width * value / total
            result.append((key, round(x, 2), round(w, 2), value))
            x += w
    return result


def stacked_bar(counts: Counts, width: int = 360, height: int = 18, label: str = "") -> Markup:
    """One bar: on time, late, overdue, not yet due; an empty frame when nothing is due."""
    colours = dict(SEGMENTS)
    rects = [
        f'<rect x="{x}" y="0" width="{w}" height="{height}" fill="{colours[key]}" '
        f'data-outcome="{key}"><title>{escape(_(OUTCOME_LABELS[key]))}: {value}</title></rect>'
        for key, x, w, value in segments(counts, width)
    ]
    return Markup(
        f'<svg class="bar" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f2f4f7"/>'
        + "".join(rects)
        + "</svg>"
    )


def legend() -> Markup:
    items = "".join(
        f'<span class="legend-item"><svg width="12" height="12"><rect width="12" height="12" '
        f'fill="{colour}"/></svg> {escape(_(OUTCOME_LABELS[key]))}</span>'
        for key, colour in SEGMENTS
    )
    return Markup(f'<div class="legend">{items}</div>')
