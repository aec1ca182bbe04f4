"""Where private uploads live: a folder no web server serves, read only through views that check
who is asking.

CVs are private to the applicant and their assessors (issue #5 point 1, `trainers.views.applications.cv`);
photos and notes of a training day to its cohort (issue #19 point 5, `feedback.views.files`). Both are
kept under `MEDIA_ROOT/private/`, and the storage refuses to give them a public address.
docs/deployment.md already forbids serving MEDIA_ROOT.
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
