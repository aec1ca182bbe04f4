"""Nobody reads anyone else's answers, reflections or evaluations by changing the URL (issue #6, DOMAIN.md §9)."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from core.roles import Role
from feedback.models import EvaluationResponse, Questionnaire
from feedback.services.evaluation import evaluation_submit
from feedback.services.questionnaires import questionnaire_entry_save, questionnaire_entry_share
from feedback.tests.factories import answers_for, attend

pytestmark = pytest.mark.usefixtures("questionnaires")


@pytest.fixture
def sent_reflection(registration, day2):
    attend(registration, day2)
    rp1 = Questionnaire.objects.get(kind="reflection", number=1)
    with freeze_time(day2.date + datetime.timedelta(days=8)):
        answers = {"love": "My secret", "more_of": "b", "least": "c", "idea": "d", "goals": "e"}
        return questionnaire_entry_save(
            registration=registration, questionnaire=rp1, answers=answers, actor=registration.person, submit=True
        )


def participant_urls(registration, programme, day2, entry) -> list[str]:
    return [
        reverse("feedback:course", args=[registration.pk]),
        reverse("feedback:reading", args=[registration.pk, programme["pre"].pk]),
        reverse("feedback:evaluation", args=[registration.pk, day2.pk]),
        reverse("feedback:questionnaire", args=[registration.pk, entry.questionnaire_id]),
        reverse("feedback:certificate", args=[registration.pk]),
    ]


def test_another_participant_gets_404_on_every_page_of_someone_elses_course(
    client, registration, programme, day2, sent_reflection, enrol, form
):
    other = enrol()
    client.force_login(other.person)

    with freeze_time(day2.date + datetime.timedelta(days=8)):
        statuses = {
            url: client.get(url).status_code for url in participant_urls(registration, programme, day2, sent_reflection)
        }

    assert set(statuses.values()) == {404}, statuses
    assert client.get(reverse("feedback:shared_entry", args=[sent_reflection.pk])).status_code == 404


def test_a_trainer_sees_a_reflection_only_when_it_is_shared_with_them(client, sent_reflection, trainer, co_trainer):
    url = reverse("feedback:shared_entry", args=[sent_reflection.pk])
    client.force_login(trainer)
    assert client.get(url).status_code == 404

    questionnaire_entry_share(entry=sent_reflection, trainer=trainer, actor=sent_reflection.registration.person)

    assert "My secret" in client.get(url).content.decode()
    assert "Reflective Practice 1" in client.get(reverse("feedback:shared_entries")).content.decode()
    client.force_login(co_trainer)
    assert client.get(url).status_code == 404


def test_reflections_never_appear_in_the_admin(client, sent_reflection, programme_admin):
    client.force_login(programme_admin)

    listing = client.get(reverse("feedback_follow_ups:index")).content.decode()

    assert "My secret" not in listing
    assert client.get(reverse("feedback_follow_ups:inspect", args=[sent_reflection.pk])).status_code == 404


def test_anonymous_evaluations_never_reveal_their_author(
    client, registration, enrol, day2, form, trainer, programme_admin
):
    people = [registration, enrol(), enrol()]
    for person, name in zip(people, ["Alice", "Bob", "Carol"], strict=True):
        person.person.first_name, person.person.last_name = name, "Participant"
        person.person.save()
    with freeze_time(day2.date):
        for person, comment in zip(people, ["Alpha remark", "Bravo remark", "Charlie remark"], strict=True):
            evaluation_submit(
                registration=person,
                session=day2,
                answers=answers_for(form, [trainer], comment=comment),
                actor=person.person,
            )

    assert not EvaluationResponse.objects.filter(registration__isnull=False).exists()
    client.force_login(trainer)
    page = client.get(reverse("feedback:cohort_results", args=[day2.cohort_id])).content.decode()
    assert "Alpha remark" in page and "Charlie remark" in page
    assert not any(name in page for name in ["Alice", "Bob", "Carol", "@example.org"])
    client.force_login(programme_admin)
    export = client.get(reverse("evaluation_results:export", args=["cohort", "csv"])).content.decode()
    assert day2.cohort.title in export
    assert not any(name in export for name in ["Alice", "Bob", "Carol", "@example.org"])


@pytest.mark.parametrize("who", ["participant", "other_trainer"])
def test_team_pages_are_404_for_people_outside_the_cohort(client, day1, make_user, who):
    client.force_login(make_user(Role.PARTICIPANT if who == "participant" else Role.TRAINER))

    for name in ["register", "record", "issues", "questions", "materials", "incidents", "trainer_reflection"]:
        assert client.get(reverse(f"feedback:{name}", args=[day1.pk])).status_code == 404, name
    for name in ["cohort_delivery", "cohort_readings", "cohort_results"]:
        assert client.get(reverse(f"feedback:{name}", args=[day1.cohort_id])).status_code == 404, name
