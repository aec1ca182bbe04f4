from wagtail import hooks

from core.viewsets import FacilitatorViewSet, RegionViewSet


@hooks.register("register_log_actions")
def register_core_actions(actions):
    actions.register_action("core.role.grant", "Grant role", "Role granted")
    actions.register_action("core.role.revoke", "Revoke role", "Role revoked")
    actions.register_action("core.regions.set", "Set regions", "Regions set")
    actions.register_action("core.person.erase", "Erase personal data", "Personal data erased")


@hooks.register("register_admin_viewset")
def register_core_viewsets():
    return [RegionViewSet("regions"), FacilitatorViewSet()]
