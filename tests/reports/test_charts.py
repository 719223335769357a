"""The stacked bar's geometry and markup (no app needed)."""

from tracker.reports.charts import segments
from tracker.reports.queries import Counts


def test_segments_fill_the_width_in_order():
    counts = Counts(due=10, on_time=4, late=1, overdue=3, not_needed=1, not_yet_due=1)
    parts = segments(counts, 360)
    assert [p[0] for p in parts] == ["on_time", "late", "overdue", "not_yet_due"]
    assert [p[3] for p in parts] == [4, 1, 3, 1]
    assert abs(sum(p[2] for p in parts) - 360) < 0.05
    assert parts[0][1] == 0 and abs(parts[-1][1] + parts[-1][2] - 360) < 0.05


def test_empty_segments_are_skipped_and_nothing_due_draws_nothing():
    assert [p[0] for p in segments(Counts(due=2, overdue=2), 100)] == ["overdue"]
    assert segments(Counts(due=1, not_needed=1), 100) == []
