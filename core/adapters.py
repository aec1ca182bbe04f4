"""allauth integration: new sign-ups are participants; everyone lands on their own dashboard."""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from core.notifications.links import absolute_url
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

    def get_email_confirmation_url(self, request, emailconfirmation):
        """On the site's one public address (`BASE_URL`), whatever host the request came in on (issue #22)."""
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        """allauth's own path for the key, on the site's public address (issue #22)."""
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))
