"""The test client every test uses: its `force_login` leaves the session a real sign-in leaves.

Staff reach nothing unless their session passed the authenticator code (core.two_step). A real
sign-in passes it on allauth's code form, whose success calls allauth's `post_authentication`: that
writes the session's "mfa" record. `force_login` here calls the same function after Django's
`force_login` for anyone with an authenticator, so that tests of other things can sign staff in
without typing codes. (allauth exposes reading the records publicly; writing only from its flows.)
tests/test_sign_in_doors.py signs in for real, through every door, with and without the code.
"""

from allauth.mfa.base.internal.flows import post_authentication
from allauth.mfa.models import Authenticator
from django.test import Client, RequestFactory


class SignInClient(Client):
    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            return
        request = RequestFactory().get("/")
        request.session, request.user = self.session, user
        post_authentication(request, authenticator)
        request.session.save()
