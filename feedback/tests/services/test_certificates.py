"""Certificates of attendance for both days, checkable by their code (issue #6 point 7)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.models import Notification
from events.models import Day1Completion
from feedback import messages
from feedback.models import Certificate
from feedback.models.certificates import CODE_ALPHABET, normalise_code
from feedback.selectors.certificates import certificate_for_code
from feedback.services.certificates import certificate_issue
from feedback.tests.factories import attend


@pytest.fixture
def both_days(registration, day1, day2):
    attend(registration, day1)
    attend(registration, day2, "late")
    Day1Completion.objects.create(person=registration.person, kind="attended", completed_on=day1.date)
    return registration


def test_someone_who_attended_both_days_gets_one_certificate(both_days):
    certificate = certificate_issue(registration=both_days, actor=both_days.person)

    assert certificate_issue(registration=both_days, actor=both_days.person) == certificate
    assert len(certificate.code) == 14 and set(certificate.code.replace("-", "")) <= set(CODE_ALPHABET)
    assert ModelLogEntry.objects.filter(action="feedback.certificate.issue").count() == 1
    notice = Notification.objects.get(message=messages.CERTIFICATE_ISSUED)
    assert notice.recipient == both_days.person and certificate.code in notice.body_text


@pytest.mark.parametrize("missing", ["day1", "day2", "absent_day2"])
def test_no_certificate_without_both_days(registration, day1, day2, missing):
    if missing != "day1":
        attend(registration, day1)
        Day1Completion.objects.create(person=registration.person, kind="attended", completed_on=day1.date)
    if missing == "absent_day2":
        attend(registration, day2, "absent")

    with pytest.raises(ValidationError) as error:
        certificate_issue(registration=registration, actor=registration.person)

    assert error.value.code == "not_attended_both_days"
    assert not Certificate.objects.exists()
    assert not ModelLogEntry.objects.filter(action="feedback.certificate.issue").exists()


def test_day1_done_before_counts_for_someone_who_skipped_it(registration, day2, day1):
    registration.skips_day1 = True
    registration.save()
    attend(registration, day2)
    with pytest.raises(ValidationError):
        certificate_issue(registration=registration, actor=None)

    Day1Completion.objects.create(person=registration.person, kind="equivalent", completed_on=day1.date, note="2019")

    assert certificate_issue(registration=registration, actor=None).registration == registration


def test_codes_are_checked_however_they_are_typed(both_days, client):
    certificate = certificate_issue(registration=both_days, actor=None)
    typed = certificate.code.lower().replace("-", " ")

    assert normalise_code(typed) == certificate.code
    assert certificate_for_code(typed) == certificate
    assert certificate_for_code("AAAA-BBBB-CCCC") is None and certificate_for_code("") is None

    page = client.get(reverse("feedback:certificate_check"), {"code": typed}).content.decode()
    assert "This certificate is genuine" in page and both_days.person.get_full_name() in page
    assert both_days.person.email not in page
    wrong = client.get(reverse("feedback:certificate_check"), {"code": "AAAA-BBBB-CCCC"}).content.decode()
    assert "No certificate has this code" in wrong
