"""When each reflective practice and follow-up opens for a participant (issue #6 points 5 and 6).

The timeline runs from Day 2 (000:L4322–4334, L4942–4946, L5236–5239): RP1 one week after, RP2–RP5
spread over about two months, the follow-up no earlier than three months after and the optional
long-term questionnaire at about ten. The days and months are settings. Only people who attended
Day 2 of a course (not Training for Trainers) are offered them.
"""

import datetime
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


def attended_day2_date(registration: Registration, rules: FeedbackRules) -> datetime.date | None:
    """The date of Day 2 if the person attended it; the timeline starts there."""
    session = day2_session(registration)
    if session is None:
        return None
    attended = Attendance.objects.attended(rules).filter(session=session, registration=registration).exists()
    return session.date if attended else None


def questionnaire_schedule(registration: Registration, rules: FeedbackRules) -> list[Release]:
    """Every questionnaire offered to this person, with its opening date and their entry (three queries)."""
    day2 = attended_day2_date(registration, rules)
    if day2 is None:
        return []
    entries = {entry.questionnaire_id: entry for entry in QuestionnaireEntry.objects.filter(registration=registration)}
    releases = []
    for questionnaire in Questionnaire.objects.all():
        date = opens_on(questionnaire, day2, rules)
        if date is not None:
            releases.append(Release(questionnaire=questionnaire, opens_on=date, entry=entries.get(questionnaire.pk)))
    return sorted(releases, key=lambda release: (release.opens_on, release.questionnaire.number))


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
