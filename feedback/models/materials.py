"""Photos of flipcharts and notes from a day, fed back to the cohort "as soon as possible after each
training day" (000:L2703–2711, DOMAIN.md §7).

Files are stored under a random name in the private storage CVs use (`trainers.storage`: a folder
no web server serves, issue #19 point 5) and only ever served by `feedback.views.files`, which
checks who is asking. A photo that shows people is shared with the cohort
only when each person tagged in it has given photo consent (`MaterialTag`, `core` consent).
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models

from feedback.models.base import SessionRecordQuerySet
from trainers.storage import private_storage

#: What may be uploaded, by extension: photos of flipcharts, typed or scanned notes.
PHOTO_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
NOTE_TYPES = {"pdf": "application/pdf", "txt": "text/plain", **PHOTO_TYPES}


def material_path(instance, filename: str) -> str:
    """A random name: the original file name can say who is in the picture."""
    return f"feedback/materials/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class SessionMaterial(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", "Photo of a flipchart"
        NOTES = "notes", "Notes from the day"

    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=material_path, storage=private_storage, blank=True)
    text = models.TextField("notes", blank=True, help_text="Typed notes: key outcomes, issues, queries.")
    caption = models.CharField(max_length=200, help_text="What it shows, for people who cannot see the picture.")
    shows_people = models.BooleanField(
        "people can be seen in it",
        default=False,
        help_text="Then tag everyone who can be seen: it is shared only when each of them has agreed to photos.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SessionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.caption

    @property
    def extension(self) -> str:
        return Path(self.file.name).suffix.lower().lstrip(".") if self.file else ""

    @property
    def content_type(self) -> str:
        return NOTE_TYPES.get(self.extension, "application/octet-stream")

    @property
    def is_image(self) -> bool:
        return self.extension in PHOTO_TYPES


class MaterialTag(models.Model):
    """A person who can be seen in a photo. Kept on erasure: an erased person has no consent, so the
    photo stops being shared (see docs/participant-course.md)."""

    material = models.ForeignKey(SessionMaterial, on_delete=models.CASCADE, related_name="tags")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["material", "person"], name="feedback_tag_once")]

    def __str__(self) -> str:
        return f"{self.person} in {self.material}"
