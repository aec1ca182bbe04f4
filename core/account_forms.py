"""allauth's forms with the site's form pattern (issue #23.3), named in `ACCOUNT_FORMS`.

Each form names its fields' specific messages ("Enter your password" rather than Django's "This
field is required."). With `AccountFormMixin` first, `SiteFormMixin` runs once allauth's `__init__`
has added its fields. On sign-up the mixin arrives through `ACCOUNT_SIGNUP_FORM_CLASS`, below
allauth's own classes, before they add the email and password fields, so that form applies the
pattern again at the end of its `__init__`.
"""

from allauth.account import forms as allauth_forms
from django.forms.fields import Field

from core.forms import DEFAULT_REQUIRED, SiteFormMixin

EMAIL = "Enter your email address"


class AccountFormMixin(SiteFormMixin):
    """Put first in the bases of a subclass of an allauth form; `required_messages` maps a field's
    name to what is said when it is left empty."""

    required_messages: dict[str, str] = {}

    def pattern_field(self, name: str, field: Field) -> None:
        if name in self.required_messages and field.error_messages.get("required") == DEFAULT_REQUIRED:
            field.error_messages["required"] = self.required_messages[name]
        super().pattern_field(name, field)


class LoginForm(AccountFormMixin, allauth_forms.LoginForm):
    required_messages = {"login": EMAIL, "password": "Enter your password"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:  # allauth leaves it out when ACCOUNT_SESSION_REMEMBER is set
            self.fields["remember"].label = "Remember me on this device"


class SignupForm(allauth_forms.SignupForm, AccountFormMixin):
    """`SiteFormMixin` is already among allauth's sign-up bases (through `core.forms.SignupForm`),
    so `AccountFormMixin` comes last and the pattern is applied again once allauth's fields exist."""

    required_messages = {
        "email": EMAIL,
        "password1": "Enter a password",
        "password2": "Enter your password again",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_site_pattern()


class ResetPasswordForm(AccountFormMixin, allauth_forms.ResetPasswordForm):
    required_messages = {"email": EMAIL}


class ResetPasswordKeyForm(AccountFormMixin, allauth_forms.ResetPasswordKeyForm):
    required_messages = {"password1": "Enter a new password", "password2": "Enter your new password again"}


class ChangePasswordForm(AccountFormMixin, allauth_forms.ChangePasswordForm):
    required_messages = {
        "oldpassword": "Enter your current password",
        "password1": "Enter a new password",
        "password2": "Enter your new password again",
    }


class SetPasswordForm(AccountFormMixin, allauth_forms.SetPasswordForm):
    required_messages = {"password1": "Enter a password", "password2": "Enter your password again"}


class AddEmailForm(AccountFormMixin, allauth_forms.AddEmailForm):
    required_messages = {"email": EMAIL}


class ReauthenticateForm(AccountFormMixin, allauth_forms.ReauthenticateForm):
    required_messages = {"password": "Enter your password"}
