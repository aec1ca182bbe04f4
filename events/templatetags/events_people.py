"""The rows of a cohort's registrations table (`events/includes/people.html`), drawn in Python.

The table is on the cohort page everyone on a cohort shares and on the admin's cohort page, one
row a person: drawn by the template, its filters (a date, a choice's label, a list joined) were a
tenth of those pages' time (docs/performance.md, item 38). The markup is what the template wrote.
"""

from django import template
from django.utils.safestring import SafeString

from core.admin_markup import esc
from core.formatting import day_month_time
from events.models import Registration
from events.models.choices import ApplyingAs

register = template.Library()


def _person_cell(registration: Registration) -> str:
    tags = ' <span class="tag">Day 1 done</span>' if registration.skips_day1 else ""
    if registration.day1_cohort_id:
        tags += f' <span class="tag">Day 1 with {esc(registration.day1_cohort)}</span>'
    return f"<td>{esc(registration.person)}{tags}</td>"


def _organisation_cell(registration: Registration) -> str:
    job_title = f"<br>{esc(registration.job_title)}" if registration.job_title else ""
    return f"<td>{esc(registration.organisation)}{job_title}</td>"


def person_row(registration: Registration) -> str:
    """One confirmed person: name (and Day 1 tags), coming as, sectors, organisation, needs, registered."""
    return (
        f"<tr>{_person_cell(registration)}"
        f"<td>{esc(ApplyingAs(registration.applying_as).label)}</td>"
        f"<td>{esc(', '.join(registration.sector_labels))}</td>"
        f"{_organisation_cell(registration)}"
        f"<td>{esc(registration.access_needs or 'None given')}</td>"
        f"<td>{day_month_time(registration.registered_at)}</td></tr>"
    )


@register.simple_tag
def people_rows(registrations) -> SafeString:
    """A row for each registration, or the row that says nobody has registered."""
    rows = "".join(person_row(registration) for registration in registrations)
    return SafeString(rows or '<tr><td colspan="6">No one has registered yet.</td></tr>')
