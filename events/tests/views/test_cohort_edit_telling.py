"""What the cohort editor says about who is told (issue #21 point 2, a facilitator's walk): before
saving, that changing a day emails people; after saving, how many were emailed; and a warning, not a
refusal, when another cohort uses the same venue on one of the days."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from events.models import Cohort
from events.tests.factories import SessionFactory, in_days
from events.tests.views.test_cohort_edit import form_data


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def said(response) -> list[tuple[str, str]]:
    """Each message's level and words, without the buttons Wagtail adds after them."""
    return [
        (message.level_tag, html.unescape(str(message)).split("\n")[0])
        for message in get_messages(response.wsgi_request)
    ]


def test_the_days_say_before_saving_that_a_change_emails_everyone_with_a_place(signed_in, make_cohort):
    cohort = make_cohort()

    response = signed_in.get(reverse("cohorts:edit", args=[cohort.pk]))

    assert "changing a date or time emails everyone with a place" in response.content.decode()


def test_places_say_who_sets_the_sizes_not_a_menu_facilitators_do_not_have(signed_in, make_cohort):
    cohort = make_cohort()

    page = signed_in.get(reverse("cohorts:edit", args=[cohort.pk])).content.decode()

    assert "The programme team sets the usual size" in page
    assert "Settings → Cohort rules" not in page
    assert not any(character.isdigit() for character in Cohort._meta.get_field("capacity").help_text)


def test_after_moving_a_day_the_message_says_how_many_people_were_emailed(signed_in, make_cohort, fill):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    fill(cohort, 3)

    response = signed_in.post(reverse("cohorts:edit", args=[cohort.pk]), form_data(cohort, day2=in_days(50)))

    assert response.status_code == 302, response.context["form"].errors
    assert (
        "success",
        f"Cohort '{cohort.title}' updated. We are emailing the 3 people with a place about the change.",
    ) in said(response)


def test_a_change_nobody_is_told_of_gets_the_usual_message(signed_in, make_cohort, fill):
    cohort = make_cohort(status=Cohort.Status.DRAFT)

    response = signed_in.post(reverse("cohorts:edit", args=[cohort.pk]), form_data(cohort, day2=in_days(50)))

    assert response.status_code == 302, response.context["form"].errors
    assert response.url == reverse("cohorts:inspect", args=[cohort.pk])
    assert said(response) == [("success", f"Cohort '{cohort.title}' updated.")]


def test_saving_a_cohort_on_a_day_another_uses_the_venue_warns_and_names_it(signed_in, make_cohort):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    other = make_cohort(status=Cohort.Status.RECRUITING, venue=cohort.venue, title="Leeds spring")
    cancelled = make_cohort(status=Cohort.Status.CANCELLED, venue=cohort.venue, title="Leeds called off")
    SessionFactory(cohort=cancelled, course=cohort.sessions.first().course, date=in_days(50))

    response = signed_in.post(reverse("cohorts:edit", args=[cohort.pk]), form_data(cohort, day2=in_days(50)))

    assert response.status_code == 302, response.context["form"].errors
    warnings = [text for level, text in said(response) if level == "warning"]
    assert len(warnings) == 1  # the other cohort's first day; the cancelled cohort's day is not a clash
    assert "'Leeds spring'" in warnings[0] and str(cohort.venue) in warnings[0]
    assert other.sessions.filter(date=in_days(30)).exists()
    assert cohort.sessions.filter(date=in_days(50)).exists()  # saved all the same


def test_no_warning_when_the_venue_is_free_on_the_days(signed_in, make_cohort):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    make_cohort(status=Cohort.Status.RECRUITING, venue=cohort.venue, days=(60, 70))

    response = signed_in.post(reverse("cohorts:edit", args=[cohort.pk]), form_data(cohort))

    assert response.status_code == 302, response.context["form"].errors
    assert not [text for level, text in said(response) if level == "warning"]


def test_creating_a_cohort_on_a_day_another_uses_the_venue_warns_and_names_it(signed_in, make_cohort):
    other = make_cohort(status=Cohort.Status.RECRUITING, title="Leeds spring")
    data = form_data(other) | {"title": "Leeds summer", "sessions-INITIAL_FORMS": 0}
    data = {name: value for name, value in data.items() if not name.endswith("-id")}

    response = signed_in.post(reverse("cohorts:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    created = Cohort.objects.get(title="Leeds summer")
    assert created.sessions.count() == 2
    warnings = [text for level, text in said(response) if level == "warning"]
    assert len(warnings) == 2 and all("'Leeds spring'" in text for text in warnings)
