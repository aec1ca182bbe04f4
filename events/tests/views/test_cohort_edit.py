"""The admin's cohort editor saves through `cohort_update` (issue #21 point 2): a change the rules
refuse comes back on the form with the reason and nothing is saved; an accepted one tells people."""

import pytest
from django.urls import reverse

from core.models import Notification
from events.models import Cohort
from events.tests.factories import in_days


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def form_data(cohort: Cohort, **dates) -> dict:
    """What the editor posts for `cohort` unchanged, but for the days in `dates` (day1=…, day2=…)."""
    sessions = list(cohort.sessions.order_by("date"))
    data = {
        "title": cohort.title,
        "path": cohort.path,
        "region": cohort.region_id,
        "local_authority": cohort.local_authority_id,
        "venue": cohort.venue_id or "",
        "capacity": cohort.capacity,
        "local_details": cohort.local_details,
        "sessions-TOTAL_FORMS": len(sessions),
        "sessions-INITIAL_FORMS": len(sessions),
        "sessions-MIN_NUM_FORMS": 1,
        "sessions-MAX_NUM_FORMS": 1000,
    }
    for index, session in enumerate(sessions):
        data |= {
            f"sessions-{index}-id": session.pk,
            f"sessions-{index}-course": session.course_id,
            f"sessions-{index}-date": dates.get(f"day{index + 1}", session.date).isoformat(),
            f"sessions-{index}-starts_at": session.starts_at.strftime("%H:%M"),
            f"sessions-{index}-ends_at": session.ends_at.strftime("%H:%M"),
        }
    return data


def test_moving_a_day_through_the_editor_tells_the_people_with_a_place(signed_in, make_cohort, fill):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    fill(cohort, 2)

    response = signed_in.post(reverse("cohorts:edit", args=[cohort.pk]), form_data(cohort, day2=in_days(50)))

    assert response.status_code == 302, response.context["form"].errors
    assert cohort.sessions.filter(date=in_days(50)).exists()
    assert Notification.objects.filter(message="events.cohort_changed").count() == 2


def test_a_refused_change_shows_the_reason_and_saves_nothing(signed_in, make_cohort, fill):
    cohort = make_cohort(status=Cohort.Status.RECRUITING)
    fill(cohort, 1)

    response = signed_in.post(reverse("cohorts:edit", args=[cohort.pk]), form_data(cohort, day1=in_days(-2)))

    assert response.status_code == 200
    assert "Move a day to a date in the future." in response.context["form"].non_field_errors()
    assert not cohort.sessions.filter(date=in_days(-2)).exists()
    assert not Notification.objects.filter(message="events.cohort_changed").exists()
