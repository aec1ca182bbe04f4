"""Every registered message, rendered with sample data and sent by the worker (issue #22 points 1 and 5).

Each email: an HTML part and a plain-text part from the one layout; From the platform's address;
Reply-To the facilitator for a cohort's messages; every link absolute on `BASE_URL`, never a local
address, and opening (200) for the person it was sent to. A new message type without a sample here
fails `test_every_registered_message_has_a_sample`.
"""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse

from core.models import Notification
from core.notifications import message_types, notify
from core.notifications.links import absolute_url
from core.notifications.senders import TEAM
from core.notifications.tasks import message_id
from events import messages as events_messages
from events.models import Registration
from events.services import messaging
from events.services.cohort_messages import Audience, CohortMessage, cohort_message_send
from events.services.messaging import cohort_sender
from feedback.models import Certificate, CriticalIncident, OpenQuestion
from feedback.services.questionnaires import entry_comment_add
from feedback.services.questions import question_answer, question_escalate
from tests.access_world import build_world
from trainers import messages as trainers_messages

LINK = re.compile(r"https?://[^\s\"'<>]+")
#: The events app's messages, sent here by its real services.
EVENTS_MESSAGES = {message_type.name for message_type in message_types() if message_type.name.startswith("events.")}
#: Messages about a cohort: their Reply-To is the cohort's facilitator (issue #22 point 1).
COHORT_MESSAGES = EVENTS_MESSAGES | {
    "feedback.certificate_issued",
    "feedback.certificate_withdrawn",
    "feedback.evaluation_open",
    "feedback.materials_shared",
    "feedback.question_answered",
    "feedback.question_escalated",
    "feedback.questionnaire_open",
    "feedback.reading_reminder",
    "feedback.reflection_comment",
    "feedback.reflection_shared",
    "trainers.t4t_booked",
    "trainers.team_assigned",
}


def _events(world, name):
    """The events app's messages, sent by the real services, to the owner of the world's registration."""
    registration, facilitator = world.registration, world.people["facilitator"]
    sent = {
        events_messages.REGISTRATION_CONFIRMED: lambda: messaging.send_confirmed(
            registration, rules=messaging.current_rules(), today=world.session.date.replace(year=2000)
        ),
        events_messages.WAITING_LIST: lambda: messaging.send_waiting(registration, position=2),
        events_messages.PLACE_OFFERED: lambda: messaging.send_offer(world.offer),
        events_messages.OFFER_EXPIRED: lambda: messaging.send_offer_expired(world.offer),
        events_messages.DAY1_MOVED: lambda: messaging.send_day1_moved(registration),
        events_messages.COHORT_CANCELLED: lambda: messaging.send_cancelled(
            world.cohort, [registration], reason="Too few places"
        ),
        events_messages.COHORT_CHANGED: lambda: messaging.send_changed(world.cohort, changes=["Day 2 moved"]),
        events_messages.PLACE_CANCELLED: lambda: messaging.send_place_cancelled(registration, reason="Asked to"),
        events_messages.PRE_COURSE_PACK: lambda: messaging.due_message_send(
            cohort=world.cohort, message=name, actor=facilitator, registration=registration
        ),
        events_messages.AGENDA: lambda: messaging.due_message_send(
            cohort=world.cohort, message=name, actor=facilitator, registration=registration, session=world.session
        ),
        events_messages.COHORT_MESSAGE: lambda: cohort_message_send(
            draft=CohortMessage(
                cohort=world.cohort, audience=Audience.CONFIRMED, subject="Parking", text="At the back."
            ),
            actor=facilitator,
        ),
        events_messages.COHORT_REMINDER: lambda: cohort_message_send(
            draft=CohortMessage(
                cohort=world.cohort, audience=Audience.CONFIRMED, subject="Reading", text="Read it.", optional=True
            ),
            actor=facilitator,
        ),
    }[name]
    sent()
    return world.owner


def _sample(world, name):
    """(recipient, context) for the messages other apps send, with the links their services build."""
    owner, trainer, facilitator = world.owner, world.people["trainer"], world.people["facilitator"]
    registration, session, cohort = world.registration, world.session, world.cohort
    course_url = absolute_url(reverse("feedback:course", args=[registration.pk]))
    trainer_links = {
        "pathway_url": absolute_url(reverse("trainers:pathway")),
        "deliveries_url": absolute_url(reverse("trainers:deliveries")),
    }
    certificate = Certificate.objects.get_or_create(registration=registration)[0]
    incident = CriticalIncident.objects.get(session=session)
    samples = {
        "feedback.certificate_issued": (
            owner,
            {
                "cohort": cohort,
                "certificate": certificate,
                "url": absolute_url(reverse("feedback:certificate", args=[registration.pk])),
                "check_url": absolute_url(reverse("feedback:certificate_check")),
            },
        ),
        "feedback.certificate_withdrawn": (owner, {"cohort": cohort, "certificate": certificate}),
        "feedback.critical_incident": (
            world.people["programme_admin"],
            {
                "session": session,
                "cohort": cohort,
                "url": absolute_url(reverse("feedback_incidents:inspect", args=[incident.pk])),
            },
        ),
        "feedback.evaluation_open": (owner, {"session": session, "closes": session.date, "url": course_url}),
        "feedback.materials_shared": (owner, {"session": session, "url": course_url}),
        "feedback.question_answered": (owner, {"cohort": cohort, "question": world.question, "url": course_url}),
        "feedback.question_escalated": (
            facilitator,
            {
                "cohort": cohort,
                "question": world.question,
                "url": absolute_url(reverse("feedback_questions:answer", args=[world.question.pk])),
            },
        ),
        "feedback.questionnaire_open": (owner, {"questionnaire": world.questionnaire, "url": course_url}),
        "feedback.reading_reminder": (
            owner,
            {"session": session, "days": 3, "reading": world.course, "progress": {"percent": 40}, "url": course_url},
        ),
        "feedback.reflection_comment": (owner, {"entry": world.entry, "url": course_url}),
        "feedback.reflection_shared": (owner, {"entry": world.entry, "url": course_url}),
        "feedback.trainer_feedback": (facilitator, {"session": session, "cohort": cohort, "url": None}),
        "trainers.application_received": (trainer, {**trainer_links, "application": world.application}),
        "trainers.application_decided": (trainer, {**trainer_links, "application": world.application}),
        "trainers.t4t_booked": (trainer, {**trainer_links, "cohort": world.t4t_cohort, "preparation": None}),
        "trainers.team_assigned": (trainer, {**trainer_links, "cohort": cohort, "assignment": world.assignment}),
        "trainers.signed_off": (trainer, {**trainer_links, "assignment": world.assignment}),
        "trainers.pathway_changed": (trainer, {**trainer_links, "change": "Accredited", "reason": ""}),
        "trainers.team_member_unavailable": (
            facilitator,
            {
                "cohort": cohort,
                "assignment": world.assignment,
                "trainer": trainer,
                "change": "Suspended",
                "team_url": absolute_url(reverse("cohort_teams:team", args=[cohort.pk])),
            },
        ),
    }
    return samples.get(name)


def registered():
    return [message_type.name for message_type in message_types() if not message_type.name.startswith("core.tests.")]


@pytest.fixture
def world(make_user):
    built = build_world(make_user)
    Registration.objects.filter(pk=built.registration.pk).update(status=Registration.Status.CONFIRMED)
    built.registration.refresh_from_db()
    OpenQuestion.objects.filter(pk=built.question.pk).update(
        status=OpenQuestion.Status.ESCALATED, escalated_to=OpenQuestion.EscalatedTo.LOCAL_MANAGERS
    )
    return built


@pytest.mark.parametrize("name", registered())
def test_every_registered_message_has_a_sample(name, world):
    assert name in EVENTS_MESSAGES or _sample(world, name) is not None, f"Add a sample for {name} here."


def test_every_message_is_answerable_and_its_links_open_for_its_recipient(world, client, run_tasks):
    """All in one world and one run of the worker: building the world per message would take minutes."""
    recipients = {}
    with transaction.atomic():
        for name in registered():
            if name in EVENTS_MESSAGES:
                recipients[name] = _events(world, name)
            elif name.startswith("trainers.") and name in COHORT_MESSAGES:
                recipients[name], context = _sample(world, name)
                trainers_messages.send(name, recipient=recipients[name], key="sample", **context)
            else:
                recipients[name], context = _sample(world, name)
                sender = cohort_sender(world.cohort) if name in COHORT_MESSAGES else TEAM
                notify(message=name, recipient=recipients[name], key="sample", context=context, sender=sender)
    run_tasks()

    emails = {email.extra_headers["Message-ID"]: email for email in mail.outbox}
    for name, recipient in recipients.items():
        notification = Notification.objects.get(message=name, recipient=recipient)
        email = emails[message_id(notification)]
        html, mimetype = email.alternatives[0]
        assert mimetype == "text/html" and html.startswith("<!DOCTYPE html>") and email.body.strip(), name
        assert email.from_email == settings.DEFAULT_FROM_EMAIL and "localhost" not in email.from_email
        if name in COHORT_MESSAGES:
            assert email.reply_to == [world.people["facilitator"].email], name
        else:
            assert email.reply_to == [], name
        links = set(LINK.findall(email.body)) | set(LINK.findall(html))
        assert not [link for link in links if "localhost" in link or "127.0.0.1" in link], name
        assert all(link.startswith(settings.BASE_URL + "/") for link in links), (name, links)
        client.force_login(recipient)
        for link in links:
            assert client.get(link.removeprefix(settings.BASE_URL)).status_code == 200, (name, link)


def test_the_course_services_send_cohort_messages_with_the_regions_reply_to(world, run_tasks):
    """The feedback app's services themselves pass the cohort's sender (not only the samples above)."""
    facilitator = world.people["facilitator"]
    OpenQuestion.objects.filter(pk=world.question.pk).update(status=OpenQuestion.Status.OPEN)
    world.question.refresh_from_db()
    world.entry.refresh_from_db()
    with transaction.atomic():
        question_escalate(question=world.question, to=OpenQuestion.EscalatedTo.DFE, note="", actor=facilitator)
        question_answer(question=world.question, answer="Yes.", actor=facilitator)
        entry_comment_add(entry=world.entry, author=world.entry.shared_with, text="Well put.")
    run_tasks()

    sent = {email.extra_headers["Message-ID"]: email for email in mail.outbox}
    for name in ("feedback.question_escalated", "feedback.question_answered", "feedback.reflection_comment"):
        notifications = Notification.objects.filter(message=name)
        assert notifications, name
        for notification in notifications:
            email = sent[message_id(notification)]
            assert email.reply_to == [facilitator.email], name
            assert facilitator.get_full_name() in email.body, name
