"""Plain words for participants (issue #23 point 5): every help text, plain-English summary and
notification a participant reads scores at most `MAX_GRADE` on the Flesch–Kincaid grade scale
(textstat), about a reading age of 11 to 14 (CONVENTIONS.md "plain words"). A failure lists the
worst texts first, so the hardest to read is mended first.
"""

import re
from pathlib import Path

import pytest
import textstat
from django.conf import settings

from core.forms import ConsentForm, PreferencesForm, SignupForm
from courses.bootstrap import programme_data
from events.forms.finding import CohortFilterForm
from events.forms.public import PreparationForm, RegistrationForm
from feedback.forms.participant import CommentForm, ShareForm

#: Flesch–Kincaid grade 9 (issue #23 "Must show"): a GOV.UK-style reading age.
MAX_GRADE = 9

PARTICIPANT_FORMS = [SignupForm, PreferencesForm, ConsentForm, CohortFilterForm, RegistrationForm, PreparationForm]
PARTICIPANT_FORMS += [ShareForm, CommentForm]

#: The emails participants receive (templates/email/<message>/body.txt); the rest go to trainers and staff.
PARTICIPANT_MESSAGES = [
    "events_agenda",
    "events_cohort_cancelled",
    "events_day1_moved",
    "events_offer_expired",
    "events_place_offered",
    "events_pre_course_pack",
    "events_registration_confirmed",
    "events_waiting_list",
    "feedback_certificate_issued",
    "feedback_certificate_withdrawn",
    "feedback_evaluation_open",
    "feedback_materials_shared",
    "feedback_questionnaire_open",
    "feedback_reading_reminder",
    "feedback_reflection_comment",
]

TEMPLATE_TAG = re.compile(r"{%.*?%}|{#.*?#}", re.DOTALL)
VARIABLE = re.compile(r"{{.*?}}", re.DOTALL)
ADDRESS = re.compile(r"https?://\S+")


def _plain(text: str) -> str:
    """Template syntax and addresses out, each variable read as one short word, as a reader sees it."""
    text = VARIABLE.sub("it", TEMPLATE_TAG.sub("", str(text)))
    return ADDRESS.sub("this link", re.sub(r"<[^>]+>", " ", text)).strip()


def _help_texts():
    for form in PARTICIPANT_FORMS:
        for name, field in form.base_fields.items():
            if field.help_text:
                yield f"{form.__name__}.{name} help text", field.help_text


def _summaries():
    courses = [programme_data.DAY1, programme_data.KEY_WORKING_IN_PRACTICE]
    for course in courses:
        yield f"{course['title']} summary", course["summary"]
        for number, section in enumerate(course["sections"], start=1):
            yield f"{course['title']}, section {number} summary", section.get("summary", "")
    for kind, reading in programme_data.READINGS.items():
        yield f"{kind} reading summary", reading["summary"]


def _messages():
    root = Path(settings.BASE_DIR) / "templates" / "email"
    for message in PARTICIPANT_MESSAGES:
        yield f"email {message}", (root / message / "body.txt").read_text()


def _grades(texts) -> list[tuple[float, str, str]]:
    graded = []
    for where, text in texts:
        plain = _plain(text)
        if plain:
            graded.append((textstat.flesch_kincaid_grade(plain), where, plain))
    return sorted(graded, reverse=True)


@pytest.mark.parametrize("texts", [_help_texts, _summaries, _messages], ids=["help texts", "summaries", "emails"])
def test_participant_texts_are_plain_english(texts):
    graded = _grades(texts())
    too_hard = [f"grade {grade:.1f}: {where}: {text[:120]}" for grade, where, text in graded if grade > MAX_GRADE]

    assert graded, "nothing was checked"
    assert not too_hard, "Too hard to read (worst first):\n" + "\n".join(too_hard)


def test_the_check_finds_hard_text():
    hard = (
        "Notwithstanding organisational considerations, multidisciplinary practitioners' interdependencies "
        "necessitate comprehensive documentation."
    )

    assert _grades([("example", hard)])[0][0] > MAX_GRADE
