"""An in-process sliding-window rate limit for feed requests, keyed by token hash.

Calendar clients poll every few minutes at most; a token fetched more often than the
limit is a misconfigured client or a leaked address being scraped. Each process keeps its
own window, which is enough to stop a runaway client without any shared store.
"""

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """At most `limit` accepted hits per key in any `window` seconds."""

    def __init__(
        self,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ):
        self.window = window
        self.clock = clock
        self.max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int) -> int | None:
        """Record a hit; None when allowed, else the seconds to wait (Retry-After)."""
        now = self.clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                self._prune(now)
                hits = self._hits[key] = deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return None

    def _prune(self, now: float) -> None:
        """Forget idle keys once the table grows, so memory stays bounded."""
        if len(self._hits) < self.max_keys:
            return
        idle = [k for k, h in self._hits.items() if not h or h[-1] <= now - self.window]
        for key in idle:
            del self._hits[key]
