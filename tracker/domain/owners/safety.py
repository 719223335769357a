"""The parsers must never fail on a document: a bug becomes a logged empty answer."""

import functools
import logging

logger = logging.getLogger(__name__)


def never_raise(default):
    """Decorate a function so that an unexpected error logs and returns default(*args)."""

    def decorate(function):
        @functools.wraps(function)
        def guarded(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:  # one bad line must not stop an import
                logger.exception("%s failed on %r", function.__name__, args[:1])
                return default(*args, **kwargs)

        return guarded

    return decorate
