"""One demo person per role, so a newcomer can see every dashboard. Passwords are printed once.

Staff roles must use two-factor authentication, so their demo accounts get a TOTP secret, printed
once with the password: add it to any authenticator app (or `oathtool --totp -b SECRET`).
"""

import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings

from core.models import Region, User
from core.roles import Role
from core.services.roles import facilitator_regions_set, role_grant

DEMO_PEOPLE = [
    # email, first name, last name, role, region codes (facilitators only)
    ("admin@example.org", "Priya", "Shah", Role.PROGRAMME_ADMIN, []),
    ("facilitator@example.org", "Tom", "Walker", Role.REGIONAL_FACILITATOR, ["E12000007", "E12000008"]),
    ("trainer@example.org", "Grace", "Okafor", Role.TRAINER, []),
    ("participant@example.org", "Sam", "Taylor", Role.PARTICIPANT, []),
]


def ensure_demo_users(out) -> None:
    created_lines = []
    for email, first_name, last_name, role, region_codes in DEMO_PEOPLE:
        if User.objects.filter(email=email).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(email, password, first_name=first_name, last_name=last_name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        role_grant(user=user, role=role, actor=None)
        if region_codes:
            facilitator_regions_set(user=user, regions=list(Region.objects.filter(code__in=region_codes)), actor=None)
        line = f"  {role.label:<22} {email:<26} password: {password}"
        if role.value in settings.ROLES_REQUIRING_MFA:
            secret = generate_totp_secret()
            TOTP.activate(user, secret)
            line += f"\n  {'':<22} authenticator secret: {secret}  ({get_mfa_adapter().build_totp_url(user, secret)})"
        created_lines.append(line)
    if created_lines:
        out.notice("Demo logins (shown this once; keep them somewhere safe):")
        for line in created_lines:
            out.notice(line)
    out.step("demo people for each role")
