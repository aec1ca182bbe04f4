"""allauth integration: new sign-ups are participants; everyone lands on their own dashboard."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from core.roles import Role
from core.services.roles import role_grant


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            role_grant(user=user, role=Role.PARTICIPANT, actor=None)
        return user

    def get_login_redirect_url(self, request):
        return reverse("dashboard")
