from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.admin_views import erasure
from core.viewsets import ConsentWordingViewSet, FacilitatorViewSet, RegionViewSet


@hooks.register("register_log_actions")
def register_core_actions(actions):
    actions.register_action("core.role.grant", "Grant role", "Role granted")
    actions.register_action("core.role.revoke", "Revoke role", "Role revoked")
    actions.register_action("core.regions.set", "Set regions", "Regions set")
    actions.register_action("core.person.erase", "Erase personal data", "Personal data erased")
    actions.register_action("core.consent.give", "Give consent", "Consent given")
    actions.register_action("core.consent.refuse", "Refuse consent", "Consent refused")
    actions.register_action("core.consent.withdraw", "Withdraw consent", "Consent withdrawn")


@hooks.register("register_admin_viewset")
def register_core_viewsets():
    return [RegionViewSet("regions"), FacilitatorViewSet(), ConsentWordingViewSet("consent_wording")]


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    return [path("erasure/", erasure, name="core_erasure")]


class ProgrammeAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("core.delete_user")


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return ProgrammeAdminMenuItem("Erase a person's data", reverse("core_erasure"), icon_name="bin", order=900)
