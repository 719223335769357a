"""WTForms validators shared by the areas."""

from flask_babel import lazy_gettext as _l
from wtforms import ValidationError

from tracker.domain.links import is_web_link, split_links

BAD_LINK = _l("Ссылка должна начинаться с http:// или https:// и не содержать пробелов.")


def web_links(form, field) -> None:
    """Every line of the field is an http(s) address (one link a line)."""
    if not all(is_web_link(line) for line in split_links(field.data)):
        raise ValidationError(BAD_LINK)
