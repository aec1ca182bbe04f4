"""Flipchart photos and notes, served only through this permission check (never straight from /media/).

The delivery team and staff who may see the cohort get every file; a participant of the cohort gets
a file only while the consent rule shares it (`feedback.selectors.materials`). Anyone else: 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from events.models import Cohort
from feedback.models import SessionMaterial
from feedback.selectors.materials import is_shared
from feedback.selectors.participants import cohort_participants


def may_open(user, material: SessionMaterial) -> bool:
    if Cohort.objects.visible_to(user).filter(pk=material.session.cohort_id).exists():
        return True
    return cohort_participants(material.session).filter(person=user).exists() and is_shared(material)


@login_required
def material_file(request, pk: int):
    material = get_object_or_404(SessionMaterial.objects.select_related("session__course"), pk=pk)
    if not material.file or not may_open(request.user, material):
        raise Http404
    response = FileResponse(
        material.file.open("rb"),
        content_type=material.content_type,
        as_attachment=not material.is_image,
        filename=f"{material.caption[:60] or 'material'}.{material.extension}",
    )
    response["Cache-Control"] = "private, no-store"
    return response
