"""What the trainers app reads from feedback through trainers.interfaces (issue #5 ↔ issue #6)."""

from django.urls import reverse
from freezegun import freeze_time

from courses.tests import factories as course_factories
from feedback.integrations import participant_feedback_about, people_who_finished_t4t_reading
from feedback.models import ReadingItemProgress
from feedback.rules import current_feedback_rules
from feedback.services.evaluation import evaluation_submit
from feedback.tests.factories import answers_for, publish
from trainers.interfaces import completed_t4t_prereading, participant_feedback_for


def test_finishing_the_t4t_reading_opens_t4t(programme, make_user):
    t4t = course_factories.ReadingPageFactory(parent=programme["pre"].get_parent(), title="T4T reading", kind="t4t")
    item = course_factories.ReadingItemFactory(reading=t4t)
    publish(t4t)
    done, not_yet = make_user(), make_user()
    ReadingItemProgress.objects.create(person=done, item=item)

    assert people_who_finished_t4t_reading({done.pk, not_yet.pk}) == {done.pk}
    assert completed_t4t_prereading([done.pk, not_yet.pk]) == {done.pk}


def _evaluate(person, day, form, trainer, comment, capture):
    """One participant's evaluation, committed (so what is kept about the trainer is forgotten)."""
    with freeze_time(day.date), capture(execute=True):
        answers = answers_for(form, [trainer], trainer_value=5, comment=comment)
        evaluation_submit(registration=person, session=day, answers=answers, actor=person.person)


def test_a_trainers_page_shows_each_cohorts_results_from_the_minimum_up(
    client, day2, cohort, enrol, form, trainer, django_capture_on_commit_callbacks
):
    people = [enrol() for _ in range(3)]
    for number, person in enumerate(people[:2]):
        _evaluate(person, day2, form, trainer, f"Comment {number}", django_capture_on_commit_callbacks)
    early = participant_feedback_about(trainer)

    _evaluate(people[2], day2, form, trainer, "Comment 2", django_capture_on_commit_callbacks)

    assert early[0].responses == 2 and early[0].results == [] and early[0].comments == []
    [item] = participant_feedback_for(trainer)
    assert item.cohort_title == cohort.title and item.responses == 3
    assert ("Ratings of you", "100 out of 100; 100% agree or strongly agree") in item.results
    assert item.comments == ["Comment 0", "Comment 1", "Comment 2"]
    client.force_login(trainer)
    assert "Ratings of you" in client.get(reverse("trainers:deliveries")).content.decode()


def test_a_trainers_feedback_is_three_queries_with_each_cohorts_title_then_kept(
    day2, cohort, enrol, form, trainer, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The cohorts' titles come with the responses, not from a query of their own, and the result is
    kept until an evaluation of the trainer's cohort is submitted (issue #8)."""
    _evaluate(enrol(), day2, form, trainer, "Useful", django_capture_on_commit_callbacks)
    current_feedback_rules()  # the programme's settings, read once per process

    with django_assert_num_queries(3):
        [item] = participant_feedback_about(trainer)
    with django_assert_num_queries(0):
        [again] = participant_feedback_about(trainer)

    assert item.cohort_title == cohort.title and item.responses == 1
    assert again == item


def test_what_is_kept_about_a_trainer_lasts_as_long_as_the_setting(settings, day2, enrol, form, trainer):
    settings.FEEDBACK_TRAINER_RESULTS_CACHE_SECONDS = 0
    before = participant_feedback_about(trainer)
    person = enrol()
    with freeze_time(day2.date):  # committed without forgetting: only the timeout makes it show
        answers = answers_for(form, [trainer], trainer_value=5, comment="Useful")
        evaluation_submit(registration=person, session=day2, answers=answers, actor=person.person)

    assert before == []
    assert participant_feedback_about(trainer)[0].responses == 1
