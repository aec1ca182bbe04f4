"""Values kept between requests in Django's cache, under keys that a write changes (issue #20).

What is worth keeping (a rendered listing, a report, a calendar feed) is kept under a key that
includes one or more named *generations*: counters kept in the same shared cache. Saving or
deleting a row of a model a generation depends on (or changing one of its many-to-many links) adds
one to the counter, so every app process builds the value again on its next read: invalidated on
write, not by a timeout alone. The timeout only bounds how long an unread value takes room.

Nothing is kept per app process. With Redis (production, CI, the bench) the counters are shared by
every process; with local memory (`make run`) there is one process.
"""

import time
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def _counter_key(name: str) -> str:
    return f"generation:{name}"


def generations(*names: str) -> str:
    """The current value of each named generation, as one part of a cache key ("12.7")."""
    keys = [_counter_key(name) for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A counter never set, or evicted: start from the clock, so that no value kept under an
            # earlier count can be read again.
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key)
    return ".".join(str(found[key]) for key in keys)


def bump(name: str) -> None:
    """A change of what `name` covers: values kept under its current count are no longer read.

    Bumped at once, for what the rest of this transaction reads, and again when the transaction
    commits, so another process that rebuilt the value in between from what it could see before
    the commit does not keep it."""
    _increment(name)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _increment(name), robust=True)


def _increment(name: str) -> None:
    try:
        cache.incr(_counter_key(name))
    except ValueError:
        cache.add(_counter_key(name), time.time_ns(), timeout=None)


def bump_on_change(name: str, models: Iterable[type]) -> None:
    """Bump `name` whenever a row of one of `models`, or of a subclass of one (each page type of
    `Page`), is saved or deleted, or one of its many-to-many links changes. Called once the app
    registry is ready (an AppConfig's `ready`); the signals are connected model by model, so other
    models keep Django's fast deletes."""
    models = tuple(models)

    def changed(sender, action: str = "post_save", **kwargs) -> None:
        if action.startswith("post_"):
            bump(name)

    for model in apps.get_models():
        if not issubclass(model, models):
            continue
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, weak=False, dispatch_uid=("generation", name, model, id(signal)))
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=("generation", name, through))


def cached(key: str, build: Callable[[], Any], *, generation_names: Iterable[str], timeout: int) -> Any:
    """`build()`, kept in the cache under `key` and the current count of each named generation."""
    versioned = f"{key}@{generations(*generation_names)}"
    return cache.get_or_set(versioned, build, timeout)
