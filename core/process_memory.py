"""Values an app process keeps for a while (issue #8, ADR 0006): kept only for the admin modules
that issue #20 removes (core.admin_chrome, core.admin_home, core.admin_listing_kept,
core.admin_sidebar). Everything else is kept in the shared cache (core.caching); this module goes
with the last of them.
"""

import time
from collections.abc import Callable, Hashable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

_memories: list["ProcessMemory"] = []


class ProcessMemory:
    def __init__(self, seconds_setting: str, *, most: int | None = None):
        #: The name of the setting giving how many seconds a value is kept.
        self.seconds_setting = seconds_setting
        #: Values kept at most; past this, all are forgotten and built again as they are asked for.
        self.most = most
        self._kept: dict[Hashable, tuple[float, Any]] = {}
        _memories.append(self)

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept under `key`, or `build()`'s, kept from now on."""
        now = time.monotonic()
        kept = self._kept.get(key)
        if kept is not None and kept[0] > now:
            return kept[1]
        value = build()
        if self.most is not None and len(self._kept) >= self.most:
            self._kept.clear()
        self._kept[key] = (now + getattr(settings, self.seconds_setting), value)
        return value

    def forget(self, key: Hashable | None = None) -> None:
        """Forget the value under `key`, or every value."""
        if key is None:
            self._kept.clear()
        else:
            self._kept.pop(key, None)

    def forget_on_change(self, *models) -> None:
        """Forget every value whenever a row of one of `models`, or of a subclass of one (each page
        type of `Page`), is saved or deleted in this process."""

        def forget(sender, **kwargs) -> None:
            if issubclass(sender, models):
                self.forget()

        for signal in (post_save, post_delete):
            signal.connect(forget, weak=False, dispatch_uid=(id(self), models, id(signal)))


def models_of(*app_labels: str) -> list:
    """Every model of these apps, for `forget_on_change` (once the app registry is ready)."""
    return [model for label in app_labels for model in apps.get_app_config(label).get_models()]


def forget_everything() -> None:
    """Every process memory forgets every value (each test starts from its own database)."""
    for memory in _memories:
        memory.forget()
