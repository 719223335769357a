"""The index the progress report reads: no tables of its own.

Every report figure is one pass over the occurrences due in a period, grouped by stage,
person or organisation. This index holds exactly the columns those passes read, so SQLite
answers from the index alone without visiting the table rows (which carry the long report
texts). It is led by stage: GROUP BY stage then needs no sort, and each stage's "overdue
first" list is a (stage, due-date range) search that stops after a few rows.
"""

from sqlalchemy import Index

from tracker.assignments.models import Occurrence

REPORT_INDEX = Index(
    "ix_occurrences_report",
    Occurrence.stage,
    Occurrence.due_on,
    Occurrence.state,
    Occurrence.done_on,
    Occurrence.document_id,
    Occurrence.organisation_id,
    Occurrence.person_id,
    Occurrence.original_due_on,
)
