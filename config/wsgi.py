"""The app processes' entry point (docs/deployment.md runs it under gunicorn).

What every process loads at start (the apps, the URL configuration and every view it imports) is
then frozen out of the garbage collector's sight: a full collection walks only what requests made,
about 12 ms instead of 80 at scale 1, a pause that held up every request queued behind it
(docs/performance.md, item 39).
"""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()
import_module(settings.ROOT_URLCONF)
gc.collect()
gc.freeze()
