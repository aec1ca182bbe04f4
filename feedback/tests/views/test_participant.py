"""A participant's pages: their course, readings, evaluations, reflections and certificate (issue #6)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from core.roles import Role
from courses.models import Principle
from courses.tests import factories as course_factories
from events.models import Day1Completion
from feedback.models import Certificate, Questionnaire, QuestionnaireEntry, ReadingItemProgress
from feedback.tests.factories import attend, publish
from trainers.models import Stage
from trainers.tests.factories import TrainerProfileFactory


def test_the_course_page_shows_reading_progress_days_and_what_comes_after(client, registration, programme, day2):
    client.force_login(registration.person)

    page = client.get(reverse("feedback:course", args=[registration.pk])).content.decode()

    assert "Pre-reading" in page and "Interim reading" in page and 'value="0"' in page
    assert "Your certificate is ready once you have attended both days." in page


def test_ticking_items_and_answering_saves_progress_and_shows_feedback(client, registration, programme):
    pre = programme["pre"]
    question = pre.questions.get(kind="choice")
    wrong = next(block for block in question.choices if not block.value["is_correct"])
    client.force_login(registration.person)
    url = reverse("feedback:reading", args=[registration.pk, pre.pk])

    response = client.post(url, {f"item_{pre.items.first().pk}": "on", f"question_{question.pk}": wrong.id})

    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert 'value="50"' in page and "Not quite." in page
    assert ReadingItemProgress.objects.filter(person=registration.person).count() == 1


def test_an_answer_that_is_not_offered_is_refused(client, registration, programme):
    pre = programme["pre"]
    client.force_login(registration.person)

    response = client.post(
        reverse("feedback:reading", args=[registration.pk, pre.pk]), {f"question_{pre.questions.first().pk}": "x"}
    )

    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_evaluating_a_day(client, registration, day2, form, trainer):
    client.force_login(registration.person)
    url = reverse("feedback:evaluation", args=[registration.pk, day2.pk])
    keys = {q["topic"]: q["key"] for q in form.current_version.questions}

    with freeze_time(day2.date):
        assert f"({trainer})" in client.get(url).content.decode()
        response = client.post(
            url, {keys["value"]: "5", f"{keys['trainer']}-{trainer.pk}": "4", keys["worthwhile"]: "yes"}
        )
        assert response.status_code == 302
        assert "Thank you" in client.get(url).content.decode()


@pytest.fixture
def rp_open(questionnaires, registration, day2):
    attend(registration, day2)
    with freeze_time(day2.date + datetime.timedelta(days=30)):
        yield registration


def test_a_reflection_saves_as_a_draft_without_javascript_and_by_autosave(client, rp_open):
    rp1 = Questionnaire.objects.get(kind="reflection", number=1)
    client.force_login(rp_open.person)
    url = reverse("feedback:questionnaire", args=[rp_open.pk, rp1.pk])
    page = client.get(url).content.decode()
    assert "Brazelton Touchpoints Project, 2006" in page and "Save as a draft" in page

    assert client.post(url, {"love": "Families", "action": "draft"}).status_code == 302
    autosaved = client.post(url, {"love": "Families and colleagues", "action": "submit"}, HTTP_X_AUTOSAVE="1")

    assert autosaved.json()["saved"] is True
    entry = QuestionnaireEntry.objects.get()
    assert entry.status == "draft" and entry.answers["love"] == "Families and colleagues"


def test_rp2_shows_the_principles_once_after_an_instruction(client, rp_open):
    """Issue #23 point 5: a line saying what to do comes before the quotation, and the ten principles
    are listed once; the six answers that link to them tick them by number."""
    Principle.objects.filter(number=3).update(text="Everyone is treated as an individual")
    rp2 = Questionnaire.objects.get(kind="reflection", number=2)
    client.force_login(rp_open.person)

    page = client.get(reverse("feedback:questionnaire", args=[rp_open.pk, rp2.pk])).content.decode()

    assert page.index("First, a short quote") < page.index("Schön, 1983")
    assert page.count("Everyone is treated as an individual") == 1
    assert page.count("Principle 3</label>") == 6


def test_a_locked_reflection_says_when_it_opens(client, questionnaires, registration, day2):
    attend(registration, day2)
    client.force_login(registration.person)
    rp5 = Questionnaire.objects.get(kind="reflection", number=5)

    page = client.get(reverse("feedback:questionnaire", args=[registration.pk, rp5.pk])).content.decode()

    assert "This opens on" in page


def test_the_certificate_is_issued_on_request_and_printable(client, registration, day1, day2):
    attend(registration, day1)
    attend(registration, day2)
    Day1Completion.objects.create(person=registration.person, kind="attended", completed_on=day1.date)
    client.force_login(registration.person)
    url = reverse("feedback:certificate", args=[registration.pk])
    assert client.get(url).status_code == 404

    assert client.post(url).status_code == 302

    page = client.get(url).content.decode()
    assert Certificate.objects.get().code in page and "Certificate of attendance" in page


def test_the_certificate_counts_the_hours_of_the_days_attended(client, registration, day1, day2):
    """Not a fixed "11 hours": each day's own times, added up (issue #23 point 7)."""
    day1.starts_at, day1.ends_at = datetime.time(9, 30), datetime.time(15, 30)
    day1.save()
    day2.starts_at, day2.ends_at = datetime.time(10, 0), datetime.time(14, 0)
    day2.save()
    attend(registration, day1)
    attend(registration, day2)
    Day1Completion.objects.create(person=registration.person, kind="attended", completed_on=day1.date)
    client.force_login(registration.person)
    url = reverse("feedback:certificate", args=[registration.pk])
    client.post(url)

    page = client.get(url).content.decode()

    assert "9:30 a.m. to 3:30 p.m. (6 hours)" in page
    assert "10:00 a.m. to 2:00 p.m. (4 hours)" in page
    assert "10 hours in total." in page
    assert "11 hours" not in page
    assert "Print or save as PDF" in page


@pytest.mark.parametrize(
    ("offset", "absent", "says"),
    [(-1, False, "opens at the end of the day"), (20, False, "closed on"), (0, True, "Only people who came")],
)
def test_the_evaluation_says_when_it_is_not_open(client, registration, day2, form, trainer, offset, absent, says):
    if absent:
        attend(registration, day2, "absent")

    with freeze_time(day2.date + datetime.timedelta(days=offset)):
        client.force_login(registration.person)
        page = client.get(reverse("feedback:evaluation", args=[registration.pk, day2.pk])).content.decode()

    assert says in page


def test_the_t4t_pre_reading_page_is_for_people_accepted_as_trainers(client, programme, make_user, participant):
    t4t = course_factories.ReadingPageFactory(parent=programme["pre"].get_parent(), title="T4T reading", kind="t4t")
    course_factories.ReadingItemFactory(reading=t4t, title="Introduction for Trainers")
    publish(t4t)
    url = reverse("feedback:t4t_reading", args=[t4t.pk])
    client.force_login(participant)
    assert client.get(url).status_code == 404

    client.force_login(make_user(Role.TRAINER))
    page = client.get(url).content.decode()
    assert "Introduction for Trainers" in page
    assert "Print or save as PDF" in page and "answer the questions" not in page  # it has no questions
    assert client.get(reverse("feedback:t4t_reading", args=[programme["pre"].pk])).status_code == 404


@pytest.mark.parametrize(("stage", "shown"), [(Stage.IN_POOL, True), (Stage.T4T_COMPLETED, False), (Stage.LEAD, False)])
def test_the_trainer_dashboard_asks_for_the_t4t_pre_reading_only_before_t4t(client, programme, make_user, stage, shown):
    t4t = course_factories.ReadingPageFactory(parent=programme["pre"].get_parent(), title="T4T reading", kind="t4t")
    course_factories.ReadingItemFactory(reading=t4t, title="Introduction for Trainers")
    publish(t4t)
    trainer = make_user(Role.TRAINER)
    TrainerProfileFactory(person=trainer, stage=stage)
    client.force_login(trainer)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard_role", args=["trainer"])).content.decode()

    assert ("finish it before you book Training for Trainers" in page) is shown
    assert ("T4T reading" in page) is shown
    progress_read = any("feedback_readingitemprogress" in query["sql"] for query in queries)
    assert progress_read is shown  # after T4T, nobody's reading progress is counted for the panel
