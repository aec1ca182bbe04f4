"""Values an app process keeps for a while before building them again (issue #8).

For what nearly every page reads and what changes rarely: the programme's settings rows
(core.site_settings) and each person's admin sidebar (core.admin_sidebar). Each app process keeps its
own, for the seconds a setting names (read on every use, so a test or an operator can change it);
whoever knows of a change forgets the value in its own process, and other processes build it again
within those seconds.
"""

import time
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings


class ProcessMemory:
    def __init__(self, seconds_setting: str, *, most: int | None = None):
        #: The name of the setting giving how many seconds a value is kept.
        self.seconds_setting = seconds_setting
        #: Values kept at most; past this, all are forgotten and built again as they are asked for.
        self.most = most
        self._kept: dict[Hashable, tuple[float, Any]] = {}

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
