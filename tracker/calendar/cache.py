"""Finished feed bodies, kept in-process and keyed by their ETag.

Clients poll the same feeds again and again and the contents rarely change; the ETag is
the fingerprint of the feed's rows, filters and settings, so a body stored under it is
exactly what a rebuild would produce.
"""

import threading
from collections import OrderedDict


class BodyCache:
    """A least-recently-used map of ETag -> bytes, bounded by total size."""

    def __init__(self, max_bytes: int = 32 * 1024 * 1024):
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def put(self, key: str, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._bodies.pop(key, None)
            self._size += len(body) - (len(old) if old else 0)
            self._bodies[key] = body
            while self._size > self.max_bytes:
                _, evicted = self._bodies.popitem(last=False)
                self._size -= len(evicted)


class FragmentCache(dict):
    """Serialised events keyed by (context, row); emptied when it grows past its bound.

    Rows carry everything an event shows, so a changed occurrence simply misses.
    """

    def __init__(self, max_entries: int = 50_000):
        super().__init__()
        self.max_entries = max_entries

    def __setitem__(self, key, value) -> None:
        if len(self) >= self.max_entries:
            self.clear()
        super().__setitem__(key, value)
