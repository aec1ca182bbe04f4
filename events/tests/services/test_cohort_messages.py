"""Writing to a group of a cohort's people, and sending the pack or an agenda from the cohort page (issue #22)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import ModelLogEntry

from core.models import Notification
from core.roles import Role
from events import messages
from events.models import Registration
from events.models.choices import ApplyingAs
from events.services.cohort_messages import Audience, CohortMessage, cohort_message_preview, cohort_message_send
from events.services.messaging import due_message_send
from events.tests.factories import RegistrationFactory


@pytest.fixture
def people(make_cohort, make_person, trainer, cohort):
    """One person of each kind on `cohort`, and someone on another cohort who must never be written to."""
    kinds = {
        "professional": dict(applying_as=ApplyingAs.PROFESSIONAL),
        "parent": dict(applying_as=ApplyingAs.PARENT_CARER),
        "both": dict(applying_as=ApplyingAs.BOTH),
        "young": dict(applying_as=ApplyingAs.YOUNG_PERSON),
        "waiting": dict(applying_as=ApplyingAs.PARENT_CARER, status=Registration.Status.WAITING),
        "cancelled": dict(applying_as=ApplyingAs.PARENT_CARER, status=Registration.Status.CANCELLED),
    }
    found = {"trainer": trainer}
    for name, fields in kinds.items():
        found[name] = make_person(name.title(), "Person", Role.PARTICIPANT)
        RegistrationFactory(cohort=cohort, person=found[name], **fields)
    found["elsewhere"] = make_person("Elsewhere", "Person", Role.PARTICIPANT)
    RegistrationFactory(cohort=make_cohort(), person=found["elsewhere"], applying_as=ApplyingAs.PARENT_CARER)
    return found


def draft(cohort, audience, **fields) -> CohortMessage:
    return CohortMessage(cohort=cohort, audience=audience, subject="Parking", text="Park at the back.", **fields)


def recipients(message=messages.COHORT_MESSAGE) -> set[str]:
    return set(Notification.objects.filter(message=message).values_list("recipient__first_name", flat=True))


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience.CONFIRMED, {"Professional", "Parent", "Both", "Young"}),
        (Audience.PARENT_CARERS, {"Parent", "Both"}),
        (Audience.FAMILY_SIDE, {"Parent", "Both", "Young"}),
        (Audience.WAITING, {"Waiting"}),
        (Audience.TRAINERS, None),
    ],
)
def test_a_group_gets_the_message_and_nobody_else(cohort, people, facilitator, audience, expected):
    expected = expected or {people["trainer"].first_name}

    sent = cohort_message_send(draft=draft(cohort, audience), actor=facilitator)

    assert recipients() == expected
    assert sent == len(expected) == Notification.objects.count()


def test_the_same_words_to_the_same_group_are_sent_once(cohort, people, facilitator):
    cohort_message_send(draft=draft(cohort, Audience.PARENT_CARERS), actor=facilitator)

    again = cohort_message_send(draft=draft(cohort, Audience.PARENT_CARERS), actor=facilitator)

    assert again == 0
    assert Notification.objects.filter(recipient=people["parent"]).count() == 1


def test_a_reminder_is_not_sent_to_people_who_stopped_optional_reminders(cohort, people, facilitator):
    people["parent"].wants_optional_reminders = False
    people["parent"].save(update_fields=["wants_optional_reminders"])

    cohort_message_send(draft=draft(cohort, Audience.PARENT_CARERS, optional=True), actor=facilitator)

    statuses = dict(
        Notification.objects.filter(message=messages.COHORT_REMINDER).values_list("recipient__first_name", "status")
    )
    assert statuses == {"Parent": Notification.Status.SKIPPED, "Both": Notification.Status.QUEUED}


def test_the_cohorts_history_says_who_wrote_to_which_group(cohort, people, facilitator):
    cohort_message_send(draft=draft(cohort, Audience.WAITING), actor=facilitator)

    entry = ModelLogEntry.objects.get(action="events.cohort.message")
    assert (entry.object_id, entry.user) == (str(cohort.pk), facilitator)
    assert entry.data["audience"] == Audience.WAITING and entry.data["recipients"] == 1


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"subject": " "}, "subject_required"),
        ({"text": ""}, "text_required"),
        ({"audience": "all"}, "no_such_audience"),
    ],
)
def test_a_bad_message_is_refused_and_nothing_is_sent(cohort, people, facilitator, fields, code):
    bad = CohortMessage(**{**draft(cohort, Audience.CONFIRMED).__dict__, **fields})

    with pytest.raises(ValidationError) as refused:
        cohort_message_send(draft=bad, actor=facilitator)

    assert code in {error.code for errors in refused.value.error_dict.values() for error in errors}
    assert not Notification.objects.exists()
    assert not ModelLogEntry.objects.filter(action="events.cohort.message").exists()


def test_an_empty_group_is_refused(cohort, facilitator):
    with pytest.raises(ValidationError) as refused:
        cohort_message_send(draft=draft(cohort, Audience.WAITING), actor=facilitator)

    assert refused.value.code == "no_recipients"


def test_the_preview_counts_the_group_and_shows_the_sign_off(cohort, people, facilitator):
    facilitator.first_name, facilitator.last_name, facilitator.phone = "Fay", "Cilitator", "0113 496 0000"
    facilitator.save()

    preview, count = cohort_message_preview(draft=draft(cohort, Audience.PARENT_CARERS), reader=facilitator)

    assert count == 2
    assert preview.subject == "Parking"
    assert "Park at the back." in preview.body_text
    assert "Fay Cilitator" in preview.body_text and "0113 496 0000" in preview.body_text
    assert "Hello Fay" not in preview.body_text  # greeted as one of the group would be, not as the sender
    assert "Hello Parent" in preview.body_text or "Hello Both" in preview.body_text
    assert not Notification.objects.exists()


def test_a_group_message_is_emailed_with_reply_to_the_facilitator(cohort, people, facilitator, run_tasks):
    with transaction.atomic():
        cohort_message_send(draft=draft(cohort, Audience.WAITING), actor=facilitator)
    run_tasks()

    (email,) = mail.outbox
    assert email.to == [people["waiting"].email]
    assert email.reply_to == [facilitator.email]
    assert email.alternatives and "Park at the back." in email.alternatives[0][0]


def test_the_pack_goes_to_everyone_who_has_not_had_it(cohort, people, facilitator):
    registration = Registration.objects.get(person=people["parent"])
    due_message_send(cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator, registration=registration)

    sent = due_message_send(cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator)

    assert sent == 3  # the other three with a confirmed place; not the waiting list, not cancelled
    assert recipients(messages.PRE_COURSE_PACK) == {"Professional", "Parent", "Both", "Young"}
    assert due_message_send(cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator) == 0
    entries = ModelLogEntry.objects.filter(action="events.cohort.send_pack", object_id=str(cohort.pk))
    assert entries.count() == 3


def test_one_person_can_be_sent_the_pack_again(cohort, people, facilitator):
    registration = Registration.objects.get(person=people["young"])
    due_message_send(cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator)

    again = due_message_send(
        cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator, registration=registration
    )

    assert again == 1
    assert Notification.objects.filter(message=messages.PRE_COURSE_PACK, recipient=people["young"]).count() == 2


def test_an_agenda_is_for_one_of_the_cohorts_days(cohort, make_cohort, people, facilitator):
    day = cohort.sessions.order_by("date").last()

    sent = due_message_send(cohort=cohort, message=messages.AGENDA, actor=facilitator, session=day)
    with pytest.raises(ValidationError) as refused:
        due_message_send(
            cohort=cohort, message=messages.AGENDA, actor=facilitator, session=make_cohort().sessions.first()
        )

    assert sent == 4
    assert refused.value.code == "no_such_day"


def test_someone_without_a_confirmed_place_is_refused(cohort, people, facilitator):
    waiting = Registration.objects.get(person=people["waiting"])

    with pytest.raises(ValidationError) as refused:
        due_message_send(cohort=cohort, message=messages.PRE_COURSE_PACK, actor=facilitator, registration=waiting)

    assert refused.value.code == "not_confirmed"
    assert not Notification.objects.exists()
