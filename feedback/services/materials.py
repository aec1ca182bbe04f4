"""Sharing flipchart photos and notes with the cohort (issue #6 point 3, 000:L2703–2711).

Who may see each file is decided by `feedback.selectors.materials` (photo consent); participants are
told once per day that material is waiting for them, when the first shared item arrives.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from events.models import Session
from events.services.locking import today
from events.services.messaging import absolute_url, cohort_sender
from feedback import messages
from feedback.access import require_recorder
from feedback.models import MaterialTag, SessionMaterial
from feedback.selectors.materials import is_shared
from feedback.selectors.participants import cohort_participants


@transaction.atomic
def material_add(
    *,
    session: Session,
    kind: str,
    caption: str,
    actor: User,
    file=None,
    text: str = "",
    shows_people: bool = False,
    tagged: list[User] = (),
) -> SessionMaterial:
    require_recorder(actor, session.cohort)
    if session.date > today():
        raise ValidationError("Share material on the day or after it.", code="session_in_future")
    if kind == SessionMaterial.Kind.PHOTO and not file:
        raise ValidationError("Choose the photo to upload.", code="file_required")
    if kind == SessionMaterial.Kind.NOTES and not (file or text.strip()):
        raise ValidationError("Upload a file or type the notes.", code="notes_required")
    participant_ids = set(cohort_participants(session).values_list("person_id", flat=True))
    if any(person.pk not in participant_ids for person in tagged):
        raise ValidationError("Tag only people on this cohort.", code="not_in_cohort")
    material = SessionMaterial(
        session=session,
        kind=kind,
        caption=caption.strip(),
        text=text.strip(),
        shows_people=shows_people or bool(tagged),
    )
    material.full_clean(exclude=["file"])
    if file:
        material.file.save(file.name, file, save=False)
    material.save()
    MaterialTag.objects.bulk_create([MaterialTag(material=material, person=person) for person in tagged])
    log(
        instance=material,
        action="feedback.material.add",
        user=actor,
        data={"kind": kind, "tagged": [person.pk for person in tagged]},
    )
    if is_shared(material):
        sender = cohort_sender(session.cohort)
        for registration in cohort_participants(session).select_related("person"):
            notify(
                message=messages.MATERIALS_SHARED,
                recipient=registration.person,
                key=messages.session_key(session),
                context={
                    "session": session,
                    "cohort": session.cohort,
                    "url": absolute_url(reverse("feedback:course", args=[registration.pk])),
                },
                sender=sender,
            )
    return material


@transaction.atomic
def material_remove(*, material: SessionMaterial, actor: User) -> None:
    require_recorder(actor, material.session.cohort)
    log(instance=material, action="feedback.material.remove", user=actor, data={"caption": material.caption})
    name = material.file.name
    material.delete()
    if name:
        storage = material.file.storage
        transaction.on_commit(lambda: storage.delete(name))
