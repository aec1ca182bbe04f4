"""When each reflective practice and follow-up opens for a participant (issue #6 points 5 and 6).

The timeline runs from Day 2 (000:L4322–4334, L4942–4946, L5236–5239): RP1 one week after, RP2–RP5
spread over about two months, the follow-up no earlier than three months after and the optional
long-term questionnaire at about ten. The days and months are settings. Only people who attended
Day 2 of a course (not Training for Trainers) are offered them.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from courses.models import KeyWorkingFunction, Principle
from events.models import Cohort, Registration, Session
from feedback.models import Attendance, Questionnaire, QuestionnaireEntry, QuestionnairePrompt
from feedback.rules import FeedbackRules, add_months


@dataclass
class Release:
    questionnaire: Questionnaire
    opens_on: datetime.date
    entry: QuestionnaireEntry | None

    def is_open(self, today: datetime.date) -> bool:
        return self.opens_on <= today

    @property
    def is_submitted(self) -> bool:
        return self.entry is not None and self.entry.is_submitted


def day2_session(registration: Registration) -> Session | None:
    """The cohort's (last) Day 2, from prefetched sessions when the caller loaded them."""
    if registration.cohort.path == Cohort.Path.T4T:
        return None
    days = [session for session in registration.cohort.ordered_sessions if session.course.kind == "day2"]
    return days[-1] if days else None


def opens_on(questionnaire: Questionnaire, day2: datetime.date, rules: FeedbackRules) -> datetime.date | None:
    if questionnaire.kind == Questionnaire.Kind.REFLECTION:
        schedule = rules.reflection_release_days
        if not 1 <= questionnaire.number <= len(schedule):
            return None
        return day2 + datetime.timedelta(days=schedule[questionnaire.number - 1])
    if questionnaire.kind == Questionnaire.Kind.FOLLOW_UP:
        return add_months(day2, rules.follow_up_months)
    if rules.long_term_follow_up_months:
        return add_months(day2, rules.long_term_follow_up_months)
    return None


def attended_day2_dates(registrations, rules: FeedbackRules, attended=None) -> dict[int, datetime.date]:
    """{registration id: date of Day 2} for those who attended their Day 2, where the timeline starts
    (one query whatever the number, none when the caller passes the (registration id, session id)
    pairs it knows were `attended`; the registrations' cohorts carry their sessions)."""
    day2 = {registration.pk: session for registration in registrations if (session := day2_session(registration))}
    if attended is None:
        attended = set(
            Attendance.objects.attended(rules)
            .filter(registration_id__in=list(day2), session_id__in={session.pk for session in day2.values()})
            .values_list("registration_id", "session_id")
        )
    return {pk: session.date for pk, session in day2.items() if (pk, session.pk) in attended}


def attended_day2_date(registration: Registration, rules: FeedbackRules) -> datetime.date | None:
    return attended_day2_dates([registration], rules).get(registration.pk)


def day2_dates_with_release(
    questionnaires: list[Questionnaire], rules: FeedbackRules, day2_dates, wanted: Callable[[datetime.date], bool]
) -> list[datetime.date]:
    """The Day 2 dates from which some questionnaire opens on a `wanted` date: lets a sweep select in SQL
    only the people something opens for, with release dates still defined by `opens_on` alone."""
    return [
        day2
        for day2 in day2_dates
        if any((date := opens_on(questionnaire, day2, rules)) and wanted(date) for questionnaire in questionnaires)
    ]


def questionnaire_schedules(
    registrations, rules: FeedbackRules, questionnaires: list[Questionnaire] | None = None, attended=None
) -> dict[int, list[Release]]:
    """{registration id: every questionnaire offered to the person, with its opening date and their
    entry}, in three queries whatever the number (one less when `questionnaires` are given, and one
    less when the `attended` pairs are, as in `attended_day2_dates`)."""
    registrations = list(registrations)
    day2 = attended_day2_dates(registrations, rules, attended)
    if questionnaires is None:
        questionnaires = list(Questionnaire.objects.all()) if day2 else []
    entries = {
        (entry.registration_id, entry.questionnaire_id): entry
        for entry in QuestionnaireEntry.objects.filter(registration_id__in=list(day2))
    }
    schedules = {}
    for registration in registrations:
        releases = []
        if registration.pk in day2:
            for questionnaire in questionnaires:
                date = opens_on(questionnaire, day2[registration.pk], rules)
                if date is not None:
                    entry = entries.get((registration.pk, questionnaire.pk))
                    releases.append(Release(questionnaire=questionnaire, opens_on=date, entry=entry))
        schedules[registration.pk] = sorted(
            releases, key=lambda release: (release.opens_on, release.questionnaire.number)
        )
    return schedules


def questionnaire_schedule(registration: Registration, rules: FeedbackRules) -> list[Release]:
    """Every questionnaire offered to this person, with its opening date and their entry (three queries)."""
    return questionnaire_schedules([registration], rules)[registration.pk]


def answer_lines(prompts, answers: dict) -> list[tuple]:
    """Each prompt with its answer as lines of text, for reading a sent entry (two queries)."""
    principles = {principle.number: str(principle) for principle in Principle.objects.all()}
    functions = {function.letter: str(function) for function in KeyWorkingFunction.objects.all()}
    kind = QuestionnairePrompt.Kind
    rows = []
    for prompt in prompts:
        value = answers.get(prompt.key) or {}
        if prompt.kind == kind.TEXT:
            lines = [value] if value else []
        elif prompt.kind == kind.PAIR:
            lines = [f"{part}. {value[part]}" for part in "ab" if value.get(part)]
        elif prompt.kind == kind.PAIR_PRINCIPLES:
            lines = [
                f"{part}) " + "; ".join(principles.get(number, str(number)) for number in value[part])
                for part in "ab"
                if value.get(part)
            ]
        elif prompt.kind == kind.PAIR_TOOLS:
            lines = [f"{part}) " + "; ".join(value[part]) for part in "ab" if value.get(part)]
        elif prompt.kind == kind.FUNCTIONS:
            lines = [functions.get(letter, letter) for letter in value]
        else:
            lines = []
        rows.append((prompt, lines))
    return rows
