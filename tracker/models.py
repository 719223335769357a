"""Imports every model so that metadata (and Alembic autogenerate) sees all tables."""

from tracker.assignments.models import Assignment, AuditEvent, CoExecutor, Occurrence  # noqa: F401
from tracker.auth.models import LoginFailure, User  # noqa: F401
from tracker.calendar.models import CalendarToken  # noqa: F401
from tracker.control.models import Attachment, Comment, ControlSettings, ExtensionRequest  # noqa: F401
from tracker.documents.models import Document, ImportDraft, Item  # noqa: F401
from tracker.notifications.models import JobRun, MailBatch, Notification, NotificationSettings  # noqa: F401
from tracker.people.models import Organisation, Person  # noqa: F401
from tracker.reports.models import REPORT_INDEX  # noqa: F401
