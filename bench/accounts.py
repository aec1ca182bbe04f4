"""The people the benchmark signs in as: known addresses, one password, a TOTP secret per staff account.

The generator creates them (`generate_national_data`); the load driver signs them in through the real
allauth forms. Secrets are derived from the address so both sides agree without sharing a file.
Bench databases only: never create these accounts anywhere else.
"""

import base64
import hashlib
from dataclasses import dataclass

from core.roles import Role

PASSWORD = "bench-only-password-7Qm"  # noqa: S105 - bench databases only
DOMAIN = "bench.invalid"
STAFF_ROLES = (Role.PROGRAMME_ADMIN, Role.REGIONAL_FACILITATOR)


@dataclass(frozen=True)
class BenchAccount:
    email: str
    role: Role

    @property
    def totp_secret(self) -> str | None:
        if self.role not in STAFF_ROLES:
            return None
        return base64.b32encode(hashlib.sha1(f"bench-totp:{self.email}".encode()).digest()).decode()  # noqa: S324


def accounts(role: Role, count: int) -> list[BenchAccount]:
    return [BenchAccount(email=f"bench-{role.slug}-{n}@{DOMAIN}", role=role) for n in range(1, count + 1)]


#: Signed-in clients per role for the page benchmark; participants also register during the load test.
ACCOUNTS_PER_ROLE = {Role.PROGRAMME_ADMIN: 2, Role.REGIONAL_FACILITATOR: 4, Role.TRAINER: 4, Role.PARTICIPANT: 24}
#: The trainer whose calendar feed holds 200 sessions (issue #8 point 2).
FEED_TRAINER_EMAIL = f"bench-feed-trainer@{DOMAIN}"
FEED_SESSIONS = 200


def all_accounts() -> list[BenchAccount]:
    return [account for role, count in ACCOUNTS_PER_ROLE.items() for account in accounts(role, count)]


def current_totp_code(secret: str) -> str:
    """The code an authenticator app shows now, from allauth's own HOTP helpers."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
