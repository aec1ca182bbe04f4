"""The parts of a cohort's page drawn in Python: the page everyone on a cohort shares and the
admin's cohort page (issue #8, docs/performance.md items 38, 47 and 48).

Through templates, their rows of names, counts, dates and links were a fifth of those pages' time.
Each writes the markup its template wrote (compared with it when it was replaced):

- `{% people_rows overview.confirmed %}`: the registrations table's rows;
- `{% mix_panel mix %}`: the live mix (DOMAIN.md §4), warnings first, then who is coming;
- `{% session_times session %}`: a day's date and times, wherever a day is listed;
- `{% overview_panels overview %}`: days, preparation, missed Day 1 and overdue messages.
"""

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from core.admin_markup import esc
from core.formatting import clock_time, day_month_time, long_date, weekday_date
from events.models import Registration, Session
from events.models.choices import ApplyingAs
from events.selectors.cohorts import CohortOverview
from events.selectors.mix import MixReport

register = template.Library()


def _items(values) -> str:
    return "".join(f"<li>{value}</li>" for value in values)


def _section(key: str, heading: str, body: str) -> str:
    return f'<section aria-labelledby="{key}-heading"><h2 id="{key}-heading">{heading}</h2>{body}</section>'


def _coming_as(registration: Registration) -> str:
    return esc(ApplyingAs(registration.applying_as).label)


# The registrations table


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
        f"<td>{_coming_as(registration)}</td>"
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


# The mix


def _count_rows(pairs) -> str:
    return "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="numeric">{esc(count)}</td></tr>' for label, count in pairs
    )


def _count_table(caption: str, heading: str, rows: str) -> str:
    return (
        f"<table><caption>{esc(caption)}</caption>"
        f'<thead><tr><th scope="col">{heading}</th><th scope="col" class="numeric">People</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _verdict(mix: MixReport) -> str:
    if not mix.warnings:
        return '<p class="callout callout--success"><strong>The mix rule is met.</strong></p>'
    return (
        '<div class="callout callout--warning" role="status">'
        "<p><strong>The mix rule is not met yet:</strong></p>"
        f'<ul class="mix-warnings">{_items(esc(warning) for warning in mix.warnings)}</ul></div>'
    )


@register.simple_tag
def mix_panel(mix: MixReport) -> SafeString:
    groups = _count_rows(
        [
            *mix.sectors,
            ("Parent carers", mix.parent_carers),
            ("Young people", mix.young_people),
            ("Other family members and advocates", mix.family_members),
        ]
    )
    organisations = ""
    if mix.organisations:
        organisations = _count_table("Organisations", "Organisation", _count_rows(mix.organisations))
    experience = _count_table("Experience of Early Support and key working", "Experience", _count_rows(mix.experience))
    return SafeString(
        '<section class="mix" aria-labelledby="mix-heading">'
        '<h2 id="mix-heading">Who is coming: the multi-agency mix</h2>'
        f"{_verdict(mix)}{''.join(f'<p>{esc(note)}</p>' for note in mix.notes)}"
        f"{_count_table(f'Confirmed participants: {mix.confirmed}', 'Group', groups)}{organisations}{experience}"
        "</section>"
    )


# Days, preparation, missed Day 1 and overdue messages


@register.simple_tag
def session_times(session: Session) -> str:
    """One day's date and times: "Tuesday 3 March 2026, 9:30 a.m. to 4:00 p.m."."""
    return f"{weekday_date(session.date)}, {clock_time(session.starts_at)} to {clock_time(session.ends_at)}"


def _day(session: Session, parent_friendly: bool) -> str:
    flag = "" if parent_friendly else ' <strong class="flag">Outside the hours most parents can attend</strong>'
    return f"{esc(session.course.title)}: {esc(session_times(session))}{flag}"


def _preparation_link(overview: CohortOverview, registration: Registration) -> str:
    url = reverse("events:preparation", kwargs={"pk": overview.cohort.pk, "registration_pk": registration.pk})
    return f'<a href="{esc(url)}">{esc(registration.person)}</a>'


def _unprepared(overview: CohortOverview) -> str:
    if not overview.unprepared:
        return "<p>Everyone who needs preparing is prepared.</p>"
    people = _items(
        f"{_preparation_link(overview, registration)} ({_coming_as(registration)}): still needs {esc(', '.join(steps))}"
        for registration, steps in overview.unprepared
    )
    return f"<ul>{people}</ul>"


def _overdue(overview: CohortOverview) -> str:
    if not overview.overdue:
        return "<p>No message is overdue.</p>"
    rows = "".join(
        f"<tr><td>{esc(item.registration.person)}</td><td>{esc(item.label)}</td><td>{long_date(item.due_on)}</td></tr>"
        for item in overview.overdue
    )
    return (
        "<table><caption>Past their deadline and not sent</caption><thead><tr>"
        '<th scope="col">Participant</th><th scope="col">Message</th><th scope="col">Due by</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


@register.simple_tag
def overview_panels(overview: CohortOverview) -> SafeString:
    """What the cohort page and the admin's cohort page both show below the registrations."""
    days = _items(_day(session, parent_friendly) for session, parent_friendly in overview.sessions)
    missed = ""
    if overview.missed_day1:
        missed = _section(
            "day1",
            "Missed Day 1",
            "<p>These people have no record of doing Day 1. Day 2 needs it: move them to another cohort's Day 1.</p>"
            f"<ul>{_items(esc(registration.person) for registration in overview.missed_day1)}</ul>",
        )
    return SafeString(
        _section("days", "Days", f"<ul>{days or '<li>No days yet.</li>'}</ul>")
        + _section("prep", "Parent carers and young people not yet prepared", _unprepared(overview))
        + missed
        + _section("overdue", "Overdue messages", _overdue(overview))
    )
