"""The SVG needs the app only for gettext."""

from tracker.reports.charts import legend, stacked_bar
from tracker.reports.queries import Counts


def test_svg_has_one_rect_per_segment_and_a_title(app):
    with app.test_request_context():
        svg = str(
            stacked_bar(
                Counts(due=3, on_time=1, late=1, overdue=1), width=300, label="Мониторинг <1>"
            )
        )
        assert svg.startswith("<svg") and 'aria-label="Мониторинг &lt;1&gt;"' in svg
        assert svg.count("data-outcome=") == 3 and 'width="100.0"' in svg
        assert "<title>Просрочено: 1</title>" in svg
        assert "Срок не наступил" in str(legend())
