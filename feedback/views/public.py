"""The public check of a certificate's code (issue #6 point 7): anyone holding the code can confirm it.

It shows only what the certificate itself says: the name, the course, the days and the issue date.
"""

from django.shortcuts import render

from events.selectors.sessions import sessions_for_registration
from feedback.selectors.certificates import certificate_for_code


def certificate_check(request):
    code = request.GET.get("code", "").strip()
    certificate = certificate_for_code(code) if code else None
    days = sessions_for_registration(certificate.registration) if certificate else []
    return render(
        request,
        "feedback/certificate_check.html",
        {"code": code, "certificate": certificate, "days": days, "checked": bool(code)},
    )
