"""Who must sign in with two steps, and whether this session passed the second one (issue #19 point 1).

The question is never whether a person *has* an authenticator but whether *this session* proved it:
allauth writes a record for each step a session passes (`allauth.account.authentication`), method
"mfa" for the authenticator code. A person who sets up their authenticator inside the session also
proves a code from it (allauth's activation form checks one), so that session counts as passed too.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.signals import authenticator_added
from django.conf import settings
from django.dispatch import receiver

from core.roles import Role

SET_UP_IN_SESSION = "two_step_set_up_by"


def requires_two_step(user) -> bool:
    """Programme admins, Regional Facilitators and superusers: they can see other people's details."""
    return user.is_superuser or any(user.has_role(Role(name)) for name in settings.ROLES_REQUIRING_MFA)


def session_passed_two_step(request) -> bool:
    user = request.user
    if request.session.get(SET_UP_IN_SESSION) == str(user.pk):
        return True
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


@receiver(authenticator_added, dispatch_uid="core.two_step.authenticator_added")
def remember_set_up_in_session(sender, request, user, authenticator, **kwargs) -> None:
    if request is not None and request.user.pk == user.pk and authenticator.type == authenticator.Type.TOTP:
        request.session[SET_UP_IN_SESSION] = str(user.pk)
