"""Writing reflective practice and follow-up entries, sharing reflections, commenting (issue #6 points 5–6).

Drafts save as they are; sending checks every required answer, that RP2's goals, strengths and
challenges are each linked to principles and RP3's challenges to course sessions, and that a family
description (RP4) holds nothing that could identify the family (DOMAIN.md §9). A sent reflection is
private until its author shares it with one of their cohort's trainers, who may then comment.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.models import User
from core.notifications import notify
from courses.models import KeyWorkingFunction, Principle
from events.models import Registration
from events.services.locking import today
from events.services.messaging import absolute_url, cohort_sender
from feedback import messages
from feedback.course_topics import topic_labels
from feedback.models import EntryComment, Questionnaire, QuestionnaireEntry, QuestionnairePrompt
from feedback.rules import current_feedback_rules
from feedback.selectors.questionnaires import attended_day2_date, opens_on

Kind = QuestionnairePrompt.Kind
PAIR = ("a", "b")

#: Details that identify a family, checked in RP4's family description (DOMAIN.md §9).
IDENTIFYING_PATTERNS = [
    ("an email address", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("a phone number", re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")),
    ("a postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
    ("a date", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")),
]


def identifying_details(text: str) -> list[str]:
    return [label for label, pattern in IDENTIFYING_PATTERNS if pattern.search(text)]


def _choices(prompt: QuestionnairePrompt) -> set:
    if prompt.kind == Kind.PAIR_PRINCIPLES:
        return set(Principle.objects.values_list("number", flat=True))
    if prompt.kind == Kind.PAIR_TOOLS:
        return set(topic_labels())
    return set(KeyWorkingFunction.objects.values_list("letter", flat=True))


def _clean_value(prompt: QuestionnairePrompt, value):
    """The answer in its stored shape, or a ValidationError if it does not fit the prompt."""
    if prompt.kind == Kind.TEXT:
        if not isinstance(value, str):
            raise ValidationError("Expected text.", code="invalid_answer")
        return value.strip()
    if prompt.kind == Kind.PAIR:
        if not isinstance(value, dict) or set(value) - set(PAIR):
            raise ValidationError("Expected two answers.", code="invalid_answer")
        return {part: str(value.get(part, "")).strip() for part in PAIR}
    choices = _choices(prompt)
    if prompt.kind == Kind.FUNCTIONS:
        lists = {"": value}
    elif isinstance(value, dict) and not set(value) - set(PAIR):
        lists = {part: value.get(part, []) for part in PAIR}
    else:
        raise ValidationError("Expected two answers.", code="invalid_answer")
    for chosen in lists.values():
        if not isinstance(chosen, list) or any(choice not in choices for choice in chosen):
            raise ValidationError("Choose from the list given.", code="invalid_answer")
    return list(value) if prompt.kind == Kind.FUNCTIONS else lists


def clean_answers(prompts: list[QuestionnairePrompt], answers: dict) -> dict:
    by_key = {prompt.key: prompt for prompt in prompts if prompt.is_answered}
    if set(answers) - set(by_key):
        raise ValidationError("Unknown question.", code="invalid_answer")
    return {key: _clean_value(by_key[key], value) for key, value in answers.items()}


def missing_answers(prompts: list[QuestionnairePrompt], answers: dict) -> dict[str, str]:
    """For each required answer left empty, the form field it belongs to (`key`, or `key__a` /
    `key__b` for a part) and a message naming the question, so the error sits by its own question
    (issue #23.3). Links and tools count only for the answers they link."""
    by_key = {prompt.key: prompt for prompt in prompts}
    missing = {}
    for prompt in prompts:
        if not prompt.is_answered or not prompt.required:
            continue
        value = answers.get(prompt.key)
        question = f"question {prompt.label}" if prompt.label else "this question"
        if prompt.kind in (Kind.PAIR_PRINCIPLES, Kind.PAIR_TOOLS, Kind.PAIR):
            if prompt.kind == Kind.PAIR:
                needed, what = PAIR, "Write"
            else:
                linked = answers.get(by_key[prompt.links_to].key, {}) if prompt.links_to in by_key else {}
                needed, what = [part for part in PAIR if linked.get(part)], "Choose at least one answer for"
            for part in needed:
                if not (value or {}).get(part):
                    missing[f"{prompt.key}__{part}"] = f"{what} {question}, part {part}"
        elif not value:
            missing[prompt.key] = f"Answer {question}"
    return missing


def _release_date(registration: Registration, questionnaire: Questionnaire):
    rules = current_feedback_rules()
    day2 = attended_day2_date(registration, rules)
    return opens_on(questionnaire, day2, rules) if day2 else None


@transaction.atomic
def questionnaire_entry_save(
    *, registration: Registration, questionnaire: Questionnaire, answers: dict, actor: User, submit: bool
) -> QuestionnaireEntry:
    if actor.pk != registration.person_id:
        raise ValidationError("Only you can write your own reflections.", code="not_yours")
    release = _release_date(registration, questionnaire)
    if release is None:
        raise ValidationError("This is not offered to you.", code="not_offered")
    if release > today():
        raise ValidationError(f"This opens on {release:%-d %B %Y}.", code="not_released")
    entry = QuestionnaireEntry.objects.filter(registration=registration, questionnaire=questionnaire).first()
    if entry is not None and entry.is_submitted:
        raise ValidationError("You have already sent this.", code="already_submitted")
    prompts = list(questionnaire.prompts.all())
    cleaned = clean_answers(prompts, answers)
    if submit:
        missing = missing_answers(prompts, cleaned)
        if missing:
            raise ValidationError(
                {field: ValidationError(message, code="incomplete") for field, message in missing.items()}
            )
        family = " ".join(
            str(cleaned.get(prompt.key, "")) for prompt in prompts if prompt.about_a_family and prompt.is_answered
        )
        found = identifying_details(family)
        if found:
            raise ValidationError(
                f"Your description seems to include {' and '.join(found)}. Please take out anything that could "
                "identify the family.",
                code="identifying_details",
            )
    entry = entry or QuestionnaireEntry(registration=registration, questionnaire=questionnaire)
    entry.answers = cleaned
    if submit:
        entry.status, entry.submitted_at = QuestionnaireEntry.Status.SUBMITTED, timezone.now()
    entry.full_clean()
    entry.save()
    action = "feedback.questionnaire.submit" if submit else "feedback.questionnaire.save"
    log(instance=entry, action=action, user=actor, data={"questionnaire": questionnaire.pk})
    return entry


@transaction.atomic
def questionnaire_entry_share(*, entry: QuestionnaireEntry, trainer: User | None, actor: User) -> QuestionnaireEntry:
    """Share a sent reflection with one trainer of the cohort (or stop sharing, with `trainer=None`)."""
    if actor.pk != entry.registration.person_id:
        raise ValidationError("Only its author can share a reflection.", code="not_yours")
    if not entry.questionnaire.is_reflection:
        raise ValidationError("Only reflections are shared with a trainer.", code="not_shareable")
    if not entry.is_submitted:
        raise ValidationError("Send your reflection before sharing it.", code="not_submitted")
    if trainer is not None and not entry.registration.cohort.delivery_assignments.filter(trainer=trainer).exists():
        raise ValidationError("Choose one of your course's trainers.", code="not_a_trainer_of_cohort")
    entry.shared_with, entry.shared_at = trainer, timezone.now() if trainer else None
    entry.save(update_fields=["shared_with", "shared_at"])
    log(
        instance=entry,
        action="feedback.questionnaire.share" if trainer else "feedback.questionnaire.unshare",
        user=actor,
        data={"trainer": trainer.pk if trainer else None},
    )
    if trainer is not None:
        notify(
            message=messages.REFLECTION_SHARED,
            recipient=trainer,
            key=f"entry-{entry.pk}",
            context={"entry": entry, "url": absolute_url(reverse("feedback:shared_entry", args=[entry.pk]))},
            sender=cohort_sender(entry.registration.cohort),
        )
    return entry


@transaction.atomic
def entry_comment_add(*, entry: QuestionnaireEntry, author: User, text: str) -> EntryComment:
    """The trainer it is shared with comments; its author can reply. Each is told of the other's comment."""
    owner = entry.registration.person
    if entry.shared_with_id is None or author.pk not in (entry.shared_with_id, owner.pk):
        raise ValidationError("Only the trainer it is shared with, and its author, can comment.", code="not_allowed")
    if not text.strip():
        raise ValidationError("Write your comment.", code="text_required")
    comment = EntryComment.objects.create(entry=entry, author=author, text=text.strip())
    log(instance=entry, action="feedback.questionnaire.comment", user=author, data={"comment": comment.pk})
    to_owner = author.pk != owner.pk
    notify(
        message=messages.REFLECTION_COMMENT,
        recipient=owner if to_owner else entry.shared_with,
        key=f"comment-{comment.pk}",
        context={
            "entry": entry,
            "url": absolute_url(
                reverse("feedback:questionnaire", args=[entry.registration_id, entry.questionnaire_id])
                if to_owner
                else reverse("feedback:shared_entry", args=[entry.pk])
            ),
        },
        sender=cohort_sender(entry.registration.cohort),
    )
    return comment
