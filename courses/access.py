"""Who may see trainer-only material: the one place that rule lives.

Trainers' notes, trainers' guides, the Introduction for Trainers and slides are for the people who
deliver and run the course; participants and anonymous visitors never see them (DOMAIN.md §3,
000:L2129–2200, L2196–2198). Pages, documents, search and the seeded collection restriction all ask
this module rather than checking roles themselves.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.models import BaseViewRestriction, Page, get_page_models

from core.roles import Role

#: Roles that deliver or run the course and so may read its trainer material.
TRAINER_MATERIAL_ROLES = (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR, Role.TRAINER)


def can_see_trainer_material(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(user.has_role(role) for role in TRAINER_MATERIAL_ROLES)


def refuse_trainer_material(request: HttpRequest) -> HttpResponse | None:
    """None when the person may go on; otherwise the sign-in page, or a 403 for someone signed in.

    A signed-in participant gets a plain refusal rather than the sign-in page, which would send them
    straight back here in a loop.
    """
    if can_see_trainer_material(request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied("This material is for trainers.")


def is_trainer_document(document) -> bool:
    """Trainer documents live in a collection restricted to groups (the seeded "Trainer materials").

    Wagtail itself refuses such documents to people outside those groups; bootstrap sets the groups
    from TRAINER_MATERIAL_ROLES.
    """
    return any(
        restriction.restriction_type == BaseViewRestriction.GROUPS
        for restriction in document.collection.get_view_restrictions()
    )


def trainer_only_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if getattr(model, "trainer_only", False)]


def visible_pages(queryset, user):
    """Live pages open to everyone, less trainer-only pages for people who may not see them."""
    queryset = queryset.live().public()
    if can_see_trainer_material(user):
        return queryset
    return queryset.not_type(*trainer_only_page_models())
