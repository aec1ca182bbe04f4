"""Where CVs live: a folder no web server serves, read only through `trainers.views.applications.cv`.

CVs are private to the applicant and their assessors (issue #5 point 1), so they are kept under
`MEDIA_ROOT/private/`, and the storage refuses to give them a public address: every download goes
through the view that checks who is asking. docs/deployment.md already forbids serving MEDIA_ROOT.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible
class PrivateStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "private")

    def url(self, name):
        raise ValueError("Private files have no public address: link to the view that checks access.")


private_storage = PrivateStorage()
