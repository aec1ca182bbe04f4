from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from oversight.views import can_view_fidelity, fidelity


@hooks.register("register_admin_urls")
def register_oversight_urls():
    return [path("fidelity/", fidelity, name="oversight_fidelity")]


class FidelityMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_fidelity(request.user)


@hooks.register("register_admin_menu_item")
def register_fidelity_menu_item():
    return FidelityMenuItem("Programme fidelity", reverse("oversight_fidelity"), icon_name="view", order=150)
