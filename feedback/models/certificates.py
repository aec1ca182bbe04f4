"""Certificates of attendance, each with a code anyone can check on the public page (issue #6 point 7).

The code is random, from letters and digits that cannot be misread (no 0/O, 1/I/L), so it can be
typed from paper; it is the only key to the public check, which shows no more than the certificate.
"""

import secrets

from django.db import models

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(value: str) -> str:
    """What someone typed ("abcd efgh-jkmn") in the stored form ("ABCD-EFGH-JKMN")."""
    raw = "".join(ch for ch in value.upper() if ch in CODE_ALPHABET)
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


class Certificate(models.Model):
    registration = models.OneToOneField("events.Registration", on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(max_length=14, unique=True, default=new_code, editable=False)
    issued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Certificate {self.code}"
