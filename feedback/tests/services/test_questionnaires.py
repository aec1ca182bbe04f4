"""Reflective practice RP1–RP5 and the follow-ups: release schedule, drafts, sending, sharing
(issue #6 points 5–6; 000:L4942–4946, L5236–5239, Appendix 5)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from wagtail.models import ModelLogEntry, Site

from core.models import Notification
from core.privacy.services import person_erase
from feedback import messages
from feedback.models import EntryComment, FeedbackSettings, Questionnaire, QuestionnaireEntry
from feedback.rules import current_feedback_rules
from feedback.selectors.questionnaires import questionnaire_schedule
from feedback.services.questionnaires import (
    entry_comment_add,
    questionnaire_entry_save,
    questionnaire_entry_share,
)
from feedback.tests.factories import attend

pytestmark = pytest.mark.usefixtures("questionnaires")

RP2_DONE = {
    "goals": {"a": "Listen first", "b": "Plan together"},
    "strengths": {"a": "Patience", "b": "Knowing local services"},
    "challenges": {"a": "Time", "b": "Too many meetings"},
    "goals_principles": {"a": [1], "b": [2, 3]},
    "strengths_principles": {"a": [10], "b": [6]},
    "challenges_principles": {"a": [3], "b": [9]},
}


def rp(number: int) -> Questionnaire:
    return Questionnaire.objects.get(kind="reflection", number=number)


def save(registration, questionnaire, answers, *, submit=False, actor=None):
    return questionnaire_entry_save(
        registration=registration,
        questionnaire=questionnaire,
        answers=answers,
        actor=actor or registration.person,
        submit=submit,
    )


@pytest.fixture
def attended(registration, day2):
    attend(registration, day2)
    return registration


def test_rp1_opens_a_week_after_day2_and_rp5_about_two_months_after(attended, day2):
    schedule = {
        release.questionnaire.title: release.opens_on
        for release in questionnaire_schedule(attended, current_feedback_rules())
    }

    assert schedule["Reflective Practice 1"] == day2.date + datetime.timedelta(days=7)
    assert schedule["Reflective Practice 5"] == day2.date + datetime.timedelta(days=63)
    assert list(schedule.values()) == sorted(schedule.values())


def test_the_follow_up_opens_three_months_after_and_the_long_term_one_at_ten(attended, day2):
    with freeze_time(datetime.date(2025, 1, 31)):
        day2.date = datetime.date(2024, 11, 30)
        day2.save()
        schedule = {
            r.questionnaire.kind: r.opens_on for r in questionnaire_schedule(attended, current_feedback_rules())
        }

    assert schedule["follow_up"] == datetime.date(2025, 2, 28)  # 30 November + 3 months, no 30 February
    assert schedule["long_term"] == datetime.date(2025, 9, 30)


def test_the_schedule_is_a_setting(attended, day2):
    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.reflection_release_days, settings.follow_up_months, settings.long_term_follow_up_months = "1,2,3,4,5", 4, 0
    settings.full_clean()
    settings.save()

    schedule = questionnaire_schedule(attended, current_feedback_rules())

    assert [r.opens_on - day2.date for r in schedule if r.questionnaire.is_reflection] == [
        datetime.timedelta(days=n) for n in (1, 2, 3, 4, 5)
    ]
    assert "long_term" not in {r.questionnaire.kind for r in schedule}


def test_the_schedule_setting_needs_five_days_in_order():
    settings = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    settings.reflection_release_days = "7, 3"

    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "reflection_release_days" in error.value.message_dict


def test_rp1_is_refused_before_its_day_and_saved_as_a_draft_on_it(attended, day2):
    opens = day2.date + datetime.timedelta(days=7)
    with freeze_time(opens - datetime.timedelta(days=1)), pytest.raises(ValidationError) as early:
        save(attended, rp(1), {"love": "Families"})
    assert early.value.code == "not_released"
    assert not QuestionnaireEntry.objects.exists()

    with freeze_time(opens):
        entry = save(attended, rp(1), {"love": "Families"})

    assert entry.status == "draft" and entry.answers == {"love": "Families"}
    assert ModelLogEntry.objects.get(action="feedback.questionnaire.save").user == attended.person


def test_nothing_is_offered_to_someone_who_missed_day2(registration, day2):
    attend(registration, day2, "absent")

    assert questionnaire_schedule(registration, current_feedback_rules()) == []
    with freeze_time(day2.date + datetime.timedelta(days=30)), pytest.raises(ValidationError) as error:
        save(registration, rp(1), {})
    assert error.value.code == "not_offered"


def test_the_follow_up_is_refused_before_three_months(attended, day2):
    follow_up = Questionnaire.objects.get(kind="follow_up")
    with freeze_time(day2.date + datetime.timedelta(days=80)), pytest.raises(ValidationError) as error:
        save(attended, follow_up, {"a1": "Key working functions"})
    assert error.value.code == "not_released"

    with freeze_time(day2.date + datetime.timedelta(days=93)):
        save(attended, follow_up, {"a1": "Key working functions"})
    assert QuestionnaireEntry.objects.get().questionnaire == follow_up


@pytest.fixture
def in_rp2(attended, day2):
    with freeze_time(day2.date + datetime.timedelta(days=30)):
        yield attended


def test_rp2_is_sent_when_each_goal_strength_and_challenge_is_linked_to_principles(in_rp2):
    entry = save(in_rp2, rp(2), RP2_DONE, submit=True)

    assert entry.is_submitted and entry.answers["goals_principles"] == {"a": [1], "b": [2, 3]}
    assert ModelLogEntry.objects.filter(action="feedback.questionnaire.submit").count() == 1
    with pytest.raises(ValidationError) as again:
        save(in_rp2, rp(2), RP2_DONE)
    assert again.value.code == "already_submitted"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"challenges_principles": {"a": [3], "b": []}}, "incomplete"),
        ({"goals": {"a": "Listen first", "b": ""}}, "incomplete"),
        ({"goals_principles": {"a": [11], "b": [2]}}, "invalid_answer"),
        ({"strengths": "not a pair"}, "invalid_answer"),
        ({"nonsense": "x"}, "invalid_answer"),
    ],
)
def test_rp2_refusals_write_nothing(in_rp2, change, code):
    with pytest.raises(ValidationError) as error:
        save(in_rp2, rp(2), {**RP2_DONE, **change}, submit=True)

    assert error.value.code == code
    assert not QuestionnaireEntry.objects.exists()


def test_rp3_links_challenges_to_course_sessions_as_tools(in_rp2, day2):
    answers = {
        "goals": {"a": "Share plans", "b": "Meet less, better"},
        "strengths": {"a": "Chairing", "b": "Follow-up"},
        "challenges": {"a": "Silos", "b": "Turnover"},
        "tools": {"a": ["Working in partnership"], "b": ["Key working functions", "Different views of the world"]},
    }
    with freeze_time(day2.date + datetime.timedelta(days=40)):
        entry = save(in_rp2, rp(3), answers, submit=True)
        assert entry.answers["tools"]["b"] == ["Key working functions", "Different views of the world"]

        answers["tools"] = {"a": ["Tea and biscuits"], "b": []}
        with pytest.raises(ValidationError) as error:
            save(in_rp2, rp(3), answers)
    assert error.value.code == "already_submitted"


def test_rp4_refuses_details_that_identify_the_family(attended, day2):
    answers = {
        "functions": ["A", "F"],
        "family": "A mother and two children at 12 Acacia Road, SW1A 1AA; call 07700 900123.",
        "response": "They felt heard.",
        "meaning": "Consistency matters.",
    }
    with freeze_time(day2.date + datetime.timedelta(days=50)):
        with pytest.raises(ValidationError) as error:
            save(attended, rp(4), answers, submit=True)
        assert error.value.code == "identifying_details"
        assert "a postcode" in error.value.message and "a phone number" in error.value.message

        save(attended, rp(4), answers)  # a draft may hold them while the person edits
        answers["family"] = "A mother and two children; the younger child has complex health needs."
        entry = save(attended, rp(4), answers, submit=True)

    assert entry.answers["functions"] == ["A", "F"]


@pytest.fixture
def sent_rp2(in_rp2):
    return save(in_rp2, rp(2), RP2_DONE, submit=True)


def test_after_erasure_the_trainer_s_message_no_longer_names_the_author(sent_rp2, trainer, programme_admin):
    """The message "<name> shared a reflection with you" stays the trainer's, without the name (issue #19)."""
    author = sent_rp2.registration.person
    author.first_name, author.last_name = "Priya", "Shah"
    author.save()
    name = "Priya Shah"
    questionnaire_entry_share(entry=sent_rp2, trainer=trainer, actor=author)

    person_erase(person=author, actor=programme_admin, reason="Asked by email")

    told = Notification.objects.get(message=messages.REFLECTION_SHARED, recipient=trainer)
    assert name not in told.subject + told.body_text + told.body_html
    assert told.subject.startswith("a person whose data was erased shared")
    assert not ModelLogEntry.objects.filter(label__contains=name).exists()


def test_a_sent_reflection_is_shared_with_a_named_trainer_who_may_comment(sent_rp2, trainer, co_trainer):
    questionnaire_entry_share(entry=sent_rp2, trainer=trainer, actor=sent_rp2.registration.person)

    assert QuestionnaireEntry.objects.visible_to(trainer).get() == sent_rp2
    assert not QuestionnaireEntry.objects.visible_to(co_trainer).exists()
    assert Notification.objects.get(message=messages.REFLECTION_SHARED).recipient == trainer

    entry_comment_add(entry=sent_rp2, author=trainer, text="A thoughtful link to principle 10.")
    entry_comment_add(entry=sent_rp2, author=sent_rp2.registration.person, text="Thank you!")
    assert EntryComment.objects.count() == 2
    assert set(
        Notification.objects.filter(message=messages.REFLECTION_COMMENT).values_list("recipient", flat=True)
    ) == {
        trainer.pk,
        sent_rp2.registration.person_id,
    }

    with pytest.raises(ValidationError) as outsider:
        entry_comment_add(entry=sent_rp2, author=co_trainer, text="Me too")
    assert outsider.value.code == "not_allowed"

    questionnaire_entry_share(entry=sent_rp2, trainer=None, actor=sent_rp2.registration.person)
    assert not QuestionnaireEntry.objects.visible_to(trainer).exists()


@pytest.mark.parametrize(("case", "code"), [("stranger", "not_a_trainer_of_cohort"), ("not_owner", "not_yours")])
def test_sharing_refusals(sent_rp2, trainer, make_user, case, code):
    stranger = make_user()
    trainer_to, actor = (stranger, sent_rp2.registration.person) if case == "stranger" else (trainer, stranger)

    with pytest.raises(ValidationError) as error:
        questionnaire_entry_share(entry=sent_rp2, trainer=trainer_to, actor=actor)

    assert error.value.code == code
    assert QuestionnaireEntry.objects.get().shared_with is None


def test_drafts_cannot_be_shared_and_follow_ups_are_never_shared(in_rp2, trainer, day2):
    draft = save(in_rp2, rp(2), {"goals": {"a": "x", "b": ""}})
    with pytest.raises(ValidationError) as not_sent:
        questionnaire_entry_share(entry=draft, trainer=trainer, actor=in_rp2.person)
    assert not_sent.value.code == "not_submitted"

    follow_up = Questionnaire.objects.get(kind="follow_up")
    answers = {prompt.key: "An answer" for prompt in follow_up.prompts.filter(kind="text")}
    with freeze_time(day2.date + datetime.timedelta(days=120)):
        entry = save(in_rp2, follow_up, answers, submit=True)
    with pytest.raises(ValidationError) as follow:
        questionnaire_entry_share(entry=entry, trainer=trainer, actor=in_rp2.person)
    assert follow.value.code == "not_shareable"
