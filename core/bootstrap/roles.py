"""Groups for the four roles, with their permissions (issue #2).

Core grants what the Wagtail admin needs; each app adds its own through a `role_permissions`
mapping on its AppConfig ({Role: ["app_label.codename", ...]}).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from core.roles import ADMIN_ROLES, Role

CORE_PERMISSIONS: dict[Role, list[str]] = {
    Role.PROGRAMME_ADMIN: [
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "core.add_user",
        "core.change_user",
        "core.delete_user",
        "core.view_user",
        "core.view_region",
        "core.change_region",
        "core.view_localauthority",
        "core.add_consentwording",
        "core.view_consentwording",
        "core.change_messagetemplate",
        "core.view_scheduledrun",
    ],
    Role.REGIONAL_FACILITATOR: [
        "wagtaildocs.choose_document",
        "wagtailimages.choose_image",
        "core.view_region",
        "core.view_localauthority",
    ],
    Role.TRAINER: [],
    Role.PARTICIPANT: [],
}
PAGE_PERMISSIONS = {Role.PROGRAMME_ADMIN: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]}
COLLECTION_MODELS = ("wagtaildocs.document", "wagtailimages.image")


def role_permission_names() -> dict[Role, list[str]]:
    combined = {role: list(names) for role, names in CORE_PERMISSIONS.items()}
    for role in ADMIN_ROLES:
        combined[role].append("wagtailadmin.access_admin")
    for config in apps.get_app_configs():
        for role, names in getattr(config, "role_permissions", {}).items():
            combined[role].extend(names)
    return combined


def _permission(name: str) -> Permission:
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(out) -> None:
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role, names in role_permission_names().items():
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.add(*[_permission(name) for name in names])
        for codename in PAGE_PERMISSIONS.get(role, []):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=Permission.objects.get(codename=codename)
            )
        if role is Role.PROGRAMME_ADMIN:
            for model in COLLECTION_MODELS:
                app_label, model_name = model.split(".")
                for action in ("add", "change", "delete", "choose"):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(f"{app_label}.{action}_{model_name}"),
                    )
    out.step(f"{len(Role)} roles with their permissions")
