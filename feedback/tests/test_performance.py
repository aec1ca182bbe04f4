"""Query counts that must not grow with the data (docs/performance.md items 7 and 12).

The daily sweeps run over every registration in England and the dashboard over all of a person's
courses: each is counted at two sizes and must run the same number of queries at both.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from core.models import Notification
from core.roles import Role
from courses.reading_catalogue import reading_catalogue
from courses.tests import factories as course_factories
from events.models import Day1Completion
from events.tests.factories import RegistrationFactory
from feedback import messages
from feedback.models import ReadingAnswer, ReadingItemProgress
from feedback.selectors.readings import ReadingProgress, reading_progress
from feedback.services.certificates import certificate_issue
from feedback.services.invitations import after_course_invitations_send_due
from feedback.services.readings import reading_reminders_send_due
from feedback.tests.factories import attend, day, in_days, publish


def queries_of(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_the_invitations_sweep_runs_as_many_queries_for_two_people_as_for_eight(
    make_cohort, make_user, questionnaires, form
):
    """Day 2 nine days ago: its evaluation is still open and Reflective Practice 1 opened two days ago."""
    cohorts = [make_cohort(days=(-20, -9)) for _ in range(2)]

    def enrol_attended(count: int):
        for cohort in cohorts:
            for _ in range(count):
                registration = RegistrationFactory(cohort=cohort, person=make_user(Role.PARTICIPANT))
                attend(registration, day(cohort, "day2"))

    enrol_attended(1)
    assert after_course_invitations_send_due() == 2 * 2  # each: Day 2's evaluation and RP1
    small = queries_of(after_course_invitations_send_due)

    enrol_attended(3)
    assert after_course_invitations_send_due() == 6 * 2
    large = queries_of(after_course_invitations_send_due)

    assert small == large
    assert Notification.objects.filter(message=messages.QUESTIONNAIRE_OPEN).count() == 8


def test_a_follow_up_opening_at_a_month_end_is_found_by_the_sweep(make_cohort, registration, questionnaires):
    """Day 2 on 31 January: the follow-up opens three months later on 30 April (the month's last day)."""
    with freeze_time("2026-02-05"):
        cohort = make_cohort(days=(-15, -5))
    registration.cohort = cohort
    registration.save()
    attend(registration, day(cohort, "day2"))
    assert day(cohort, "day2").date == datetime.date(2026, 1, 31)

    with freeze_time("2026-04-29"):
        after_course_invitations_send_due()
        assert not Notification.objects.filter(message=messages.QUESTIONNAIRE_OPEN).exists()
    with freeze_time("2026-04-30"):
        after_course_invitations_send_due()

    notice = Notification.objects.get(message=messages.QUESTIONNAIRE_OPEN)
    assert notice.recipient == registration.person and "follow-up" in notice.subject.lower()


def test_the_reading_reminders_sweep_runs_as_many_queries_for_two_people_as_for_eight(make_cohort, make_user):
    cohorts = [make_cohort(days=(5, 20)) for _ in range(2)]

    def enrol(count: int):
        for cohort in cohorts:
            for _ in range(count):
                RegistrationFactory(cohort=cohort, person=make_user(Role.PARTICIPANT))

    enrol(1)
    assert reading_reminders_send_due() == 2  # the pre-reading, 7 days or fewer before Day 1
    small = queries_of(reading_reminders_send_due)

    enrol(3)
    assert reading_reminders_send_due() == 6
    large = queries_of(reading_reminders_send_due)

    assert small == large


def test_the_dashboard_runs_as_many_queries_for_five_courses_as_for_one(
    client, make_cohort, make_user, questionnaires, form
):
    def person_on(count: int):
        person = make_user(Role.PARTICIPANT)
        Day1Completion.objects.create(person=person, kind="attended", completed_on=in_days(-20))
        for _ in range(count):
            cohort = make_cohort(days=(-20, -9))
            registration = RegistrationFactory(cohort=cohort, person=person)
            for session in cohort.sessions.all():
                attend(registration, session)
            certificate_issue(registration=registration, actor=person)
        return person

    def dashboard(person):
        client.force_login(person)
        client.get(reverse("dashboard_role", args=["participant"]))  # what a process keeps is kept
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("dashboard_role", args=["participant"]))
        assert response.status_code == 200
        return len(queries), response.content.decode()

    one, page = dashboard(person_on(1))
    five, page_of_five = dashboard(person_on(5))

    assert one == five
    for text in ("Evaluate Course kwip", "Reflective Practice 1</a> is ready", "My certificate of attendance"):
        assert page.count(text) == 1 and page_of_five.count(text) == 5


def _statements_on(queries, table: str) -> int:
    """How many statements read `table` in their FROM clause (not through a join)."""
    return sum(f'FROM "{table}"' in query["sql"] for query in queries.captured_queries)


def test_reading_progress_is_one_query_for_a_cohort_as_for_one_person(programme, make_user, django_assert_num_queries):
    """What each person did is one query; how many steps each reading has is the process's catalogue."""
    pre, interim = programme["pre"], programme["interim"]
    people = [make_user(Role.PARTICIPANT) for _ in range(3)]
    ReadingItemProgress.objects.create(person=people[0], item=pre.items.first())
    ReadingAnswer.objects.create(person=people[0], question=pre.questions.get(kind="reflection"), text="Trust")
    ReadingItemProgress.objects.create(person=people[1], item=interim.items.get())
    reading_catalogue()

    with django_assert_num_queries(1):
        progress = reading_progress([person.pk for person in people], [pre.pk, interim.pk])
    with django_assert_num_queries(1):
        reading_progress([people[2].pk], [pre.pk])

    assert progress[(people[0].pk, pre.pk)] == ReadingProgress(
        items_done=1, items_total=2, answered=1, questions_total=2
    )
    assert progress[(people[1].pk, interim.pk)].is_complete
    assert progress[(people[2].pk, pre.pk)] == ReadingProgress(
        items_done=0, items_total=2, answered=0, questions_total=2
    )


def test_the_course_page_loads_attendance_once_and_neither_team_nor_certificate_apart(
    client, registration, day1, day2, trainer, form, questionnaires, django_assert_max_num_queries
):
    """Attendance feeds the days, the reflections' timeline and the certificate from one read; the
    certificate comes with the registration; the team is only read for an evaluation form."""
    attend(registration, day1)
    attend(registration, day2)
    Day1Completion.objects.create(person=registration.person, kind="attended", completed_on=day1.date)
    client.force_login(registration.person)
    url = reverse("feedback:course", args=[registration.pk])
    client.get(url)  # warm caches (site, settings)

    with django_assert_max_num_queries(16) as queries:
        page = client.get(url).content.decode()

    assert "Get my certificate" in page and "Reflective Practice 1" in page
    assert _statements_on(queries, "feedback_attendance") == 1
    assert _statements_on(queries, "feedback_certificate") == 0
    assert _statements_on(queries, "trainers_deliveryassignment") == 0


def test_the_dashboard_loads_the_registrations_and_their_days_once_for_both_panels(
    client, make_cohort, make_user, questionnaires, form
):
    """The two panels, "My courses" (events) and "My learning" (feedback), show the same registrations:
    one read of them and their days, attendance once, the certificates of the confirmed ones in one query."""
    person = make_user(Role.PARTICIPANT)
    Day1Completion.objects.create(person=person, kind="attended", completed_on=in_days(-20))
    for _ in range(2):
        cohort = make_cohort(days=(-20, -9))
        registration = RegistrationFactory(cohort=cohort, person=person)
        for session in cohort.sessions.all():
            attend(registration, session)
    certificate_issue(registration=registration, actor=person)
    client.force_login(person)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard_role", args=["participant"])).content.decode()

    assert page.count("Reflective Practice 1</a> is ready") == 2
    assert "Cancel my place" not in page  # both courses have started: only the facilitator withdraws (issue #21)
    assert page.count("My certificate of attendance") == 1
    assert _statements_on(queries, "events_registration") == 1
    assert _statements_on(queries, "events_session") == 1
    assert _statements_on(queries, "feedback_attendance") == 1
    assert _statements_on(queries, "feedback_certificate") == 1


def test_the_trainer_dashboard_reads_the_t4t_pre_readings_in_as_many_queries_for_two_as_for_one(
    client, programme, make_user
):
    """Each pre-reading is shown by its title with the trainer's progress: nothing else of its page is
    loaded, one reading at a time or at all."""
    trainer = make_user(Role.TRAINER)
    client.force_login(trainer)
    url = reverse("dashboard_role", args=["trainer"])

    def add_reading(title: str):
        reading = course_factories.ReadingPageFactory(parent=programme["pre"].get_parent(), title=title, kind="t4t")
        course_factories.ReadingItemFactory(reading=reading, title=f"{title}, part 1")
        ReadingItemProgress.objects.create(person=trainer, item=publish(reading).items.get())

    def dashboard() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        return len(queries), page

    client.get(url)  # warm caches (site, settings)
    add_reading("First for trainers")
    one, _ = dashboard()
    add_reading("Second for trainers")
    two, page = dashboard()

    assert one == two
    assert page.count("for trainers</a>: finished") == 2
