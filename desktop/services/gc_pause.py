"""Pausing Python's cycle collector while large results are built, and keeping it off them afterwards.

A 50,000-expert pool is a million small tuples and dicts, none in a reference cycle, and every cyclic collection
that building them triggers walks them all again: in the conflict computation that was two thirds of the time.
Reference counting still frees everything; only the search for cycles waits until the work is done. Workers pause
it from several threads at once, so the pause is counted and the collector resumes when the last one ends.

Resuming alone is not enough in the window: everything built during the pause is then young, and the next
collections (on whichever thread allocates next, the GUI thread included, and holding the interpreter lock) walk
it three times over as it ages, each walk half a second to two seconds on a large pool: the window froze that long
after the expert list or a round's conflicts arrived. So when the last pause ends, whatever is alive is moved to
the collector's permanent generation (``gc.freeze``), which it never walks; such objects are still freed by
reference counting when the last reference goes, as before; only a reference cycle among them would wait for the
process to end, and what is built here (rows, indexes, summaries) has none.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.freeze()
                gc.enable()
