from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.admin.views import erasure, message_template_edit, message_templates
from core.admin.viewsets import ConsentWordingViewSet, FacilitatorViewSet, RegionViewSet, ScheduledRunViewSet


@hooks.register("register_log_actions")
def register_core_actions(actions):
    actions.register_action("core.role.grant", "Grant role", "Role granted")
    actions.register_action("core.role.revoke", "Revoke role", "Role revoked")
    actions.register_action("core.regions.set", "Set regions", "Regions set")
    actions.register_action("core.person.erase", "Erase personal data", "Personal data erased")
    actions.register_action("core.consent.give", "Give consent", "Consent given")
    actions.register_action("core.consent.refuse", "Refuse consent", "Consent refused")
    actions.register_action("core.consent.withdraw", "Withdraw consent", "Consent withdrawn")
    actions.register_action("core.message_template.edit", "Edit message templates", "Message templates edited")
    actions.register_action("core.message_template.reset", "Reset message templates", "Message templates reset")


@hooks.register("register_admin_viewset")
def register_core_viewsets():
    return [
        RegionViewSet("regions"),
        FacilitatorViewSet(),
        ConsentWordingViewSet("consent_wording"),
        ScheduledRunViewSet("scheduled_runs"),
    ]


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    return [
        path("erasure/", erasure, name="core_erasure"),
        path("messages/", message_templates, name="core_message_templates"),
        path("messages/<str:name>/", message_template_edit, name="core_message_template_edit"),
    ]


class ProgrammeAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("core.delete_user")


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return ProgrammeAdminMenuItem("Erase a person's data", reverse("core_erasure"), icon_name="bin", order=900)


class MessageTemplatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("core.change_messagetemplate")


@hooks.register("register_settings_menu_item")
def register_message_templates_menu_item():
    return MessageTemplatesMenuItem("Messages", reverse("core_message_templates"), icon_name="mail", order=800)
