"""The public listing's filters: region, local authority, course and month (issue #23 point 1).

A GET form, so it works without JavaScript and every filtered listing has its own address.
Choices are a fixed number of queries however many cohorts there are.
"""

import datetime

from django import forms

from core.models import LocalAuthority, Region
from courses.models import CoursePage

#: How many months ahead the month filter offers; cohorts are advertised a few months before they run.
MONTHS_AHEAD = 12


def _months_from(today: datetime.date) -> list[tuple[str, str]]:
    months, year, month = [], today.year, today.month
    for _ in range(MONTHS_AHEAD):
        months.append((f"{year:04d}-{month:02d}", datetime.date(year, month, 1).strftime("%B %Y")))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class CohortFilterForm(forms.Form):
    """Every field is optional: an empty form lists every open cohort."""

    region = forms.ModelChoiceField(
        queryset=Region.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label="All regions",
        error_messages={"invalid_choice": "We do not know that region. Choose one from the list."},
    )
    local_authority = forms.ModelChoiceField(
        label="Local authority",
        queryset=LocalAuthority.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label="All local authorities",
        error_messages={"invalid_choice": "We do not know that local authority. Choose one from the list."},
    )
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.live().exclude(kind=CoursePage.Kind.T4T).order_by("path"),
        required=False,
        empty_label="All courses",
        error_messages={"invalid_choice": "We do not know that course. Choose one from the list."},
    )
    month = forms.ChoiceField(
        label="Month it starts",
        required=False,
        error_messages={"invalid_choice": "Choose a month from the list."},
    )

    def __init__(self, data, *, today: datetime.date):
        super().__init__(data)
        self.fields["month"].choices = [("", "Any month"), *_months_from(today)]

    def filters(self) -> dict:
        """The chosen filters as `open_cohorts()` takes them; call after `is_valid()`."""
        data = self.cleaned_data
        month = datetime.date.fromisoformat(f"{data['month']}-01") if data["month"] else None
        return {
            "region_code": data["region"].code if data["region"] else "",
            "local_authority_code": data["local_authority"].code if data["local_authority"] else "",
            "course_id": data["course"].pk if data["course"] else None,
            "month": month,
        }
