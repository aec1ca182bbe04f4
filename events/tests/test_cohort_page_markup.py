"""A cohort's page drawn in Python (events.templatetags.cohort_page): the registrations table's rows,
the mix, a day's times and the panels below the registrations, with the markup their templates had."""

import datetime
import re
from types import SimpleNamespace

from django.template import Context, Template
from django.urls import reverse

from events.models.choices import ApplyingAs, Sector
from events.selectors.cohorts import CohortOverview
from events.selectors.deadlines import DueMessage
from events.selectors.mix import MixReport
from events.templatetags.cohort_page import mix_panel, overview_panels, people_rows, session_times
from events.tests.factories import RegistrationFactory, parent_carer


def test_a_row_escapes_what_people_typed(make_person, cohort):
    registration = RegistrationFactory(
        cohort=cohort,
        person=make_person("<b>Rosa</b>", "O'Neil & Co"),
        organisation="<script>x</script>",
        job_title="Lead <i>nurse</i>",
        access_needs="Step-free & quiet",
    )

    row = people_rows([registration])

    assert "&lt;b&gt;Rosa&lt;/b&gt; O&#x27;Neil &amp; Co" in row
    assert "<td>&lt;script&gt;x&lt;/script&gt;<br>Lead &lt;i&gt;nurse&lt;/i&gt;</td>" in row
    assert "<td>Step-free &amp; quiet</td>" in row
    assert "<script>" not in row


def test_a_row_says_how_they_come_their_sectors_and_their_day_1(make_person, cohort, make_cohort):
    elsewhere = make_cohort(title="Leeds, spring")
    practitioner = RegistrationFactory(
        cohort=cohort,
        person=make_person("Ann"),
        sectors=[Sector.HEALTH, Sector.EDUCATION],
        skips_day1=True,
        job_title="",
        access_needs="",
    )
    guest = RegistrationFactory(cohort=cohort, person=make_person("Ben"), day1_cohort=elsewhere, **parent_carer())

    first, second = people_rows([practitioner, guest]).split("</tr>")[:2]

    assert '<span class="tag">Day 1 done</span>' in first and "Day 1 with" not in first
    assert f"<td>{ApplyingAs.PROFESSIONAL.label}</td>" in first and "<td>Health, Education</td>" in first
    assert "<br>" not in first and "<td>None given</td>" in first
    assert '<span class="tag">Day 1 with Leeds, spring</span>' in second and "Day 1 done" not in second
    assert f"<td>{ApplyingAs.PARENT_CARER.label}</td>" in second


def test_nobody_registered_is_one_row_that_says_so():
    assert people_rows([]) == '<tr><td colspan="6">No one has registered yet.</td></tr>'


def test_the_rows_are_html_the_template_does_not_escape_again(make_person, cohort):
    registration = RegistrationFactory(cohort=cohort, person=make_person("Rosa"))

    html = Template("{% load cohort_page %}{% people_rows registrations %}").render(
        Context({"registrations": [registration]})
    )

    assert html.startswith("<tr><td>Rosa Person</td>")


def _mix(**parts) -> MixReport:
    nobody = {"confirmed": 0, "sectors": [], "parent_carers": 0, "young_people": 0, "family_members": 0}
    return MixReport(**(nobody | {"organisations": [], "experience": []} | parts))


SHORT = _mix(
    sectors=[("Health", 0), ("Education", 0)],
    experience=[("None", 0)],
    warnings=["No parent carer yet", "No one from social care yet"],
)
MET = _mix(
    confirmed=12,
    sectors=[("Health", 3), ("Social care", 2)],
    parent_carers=2,
    young_people=1,
    organisations=[("Leeds & <Co>", 3)],
    experience=[("Some", 5), ("None", 7)],
    notes=["Three people from one school"],
)


def _row(label, count) -> str:
    return f'<tr><th scope="row">{label}</th><td class="numeric">{count}</td></tr>'


def test_warnings_come_first_in_a_status_callout():
    html = mix_panel(SHORT)

    assert html.index('role="status"') < html.index("<table>")
    assert '<ul class="mix-warnings"><li>No parent carer yet</li><li>No one from social care yet</li></ul>' in html
    assert "The mix rule is met" not in html and "Organisations" not in html


def test_a_met_rule_says_so_and_counts_every_group_organisation_and_experience():
    html = mix_panel(MET)

    assert '<p class="callout callout--success"><strong>The mix rule is met.</strong></p>' in html
    assert "<p>Three people from one school</p>" in html and "<caption>Confirmed participants: 12</caption>" in html
    for label, count in [("Health", 3), ("Social care", 2), ("Parent carers", 2), ("Young people", 1), ("Some", 5)]:
        assert _row(label, count) in html
    assert _row("Other family members and advocates", 0) in html
    assert _row("Leeds &amp; &lt;Co&gt;", 3) in html


def test_the_panel_is_html_the_template_does_not_escape_again():
    html = Template("{% load cohort_page %}{% mix_panel mix %}").render(Context({"mix": MET}))

    assert html.startswith('<section class="mix" aria-labelledby="mix-heading">')
    assert len(re.findall("<table>", html)) == 3


def _day(title="Day 1", date=datetime.date(2026, 3, 3), starts=datetime.time(9, 30), ends=datetime.time(16, 0)):
    return SimpleNamespace(course=SimpleNamespace(title=title), date=date, starts_at=starts, ends_at=ends)


def test_a_days_times_read_in_words():
    assert session_times(_day()) == "Tuesday 3 March 2026, 9:30 a.m. to 4:00 p.m."
    assert session_times(_day(starts=datetime.time(0, 5), ends=datetime.time(12, 0))).endswith(
        "12:05 a.m. to 12:00 p.m."
    )


def _overview(**parts) -> CohortOverview:
    empty = {name: [] for name in ("sessions", "confirmed", "offered", "waiting", "day1_guests")}
    empty |= {"unprepared": [], "missed_day1": [], "overdue": [], "at_risk": False, "mix": None}
    return CohortOverview(cohort=SimpleNamespace(pk=7), **(empty | parts))


def test_the_panels_list_days_flag_hours_parents_cannot_make_and_say_when_all_is_well():
    html = overview_panels(
        _overview(sessions=[(_day("Day 1 <Leeds>"), True), (_day("Day 2", starts=datetime.time(17)), False)])
    )

    assert "<li>Day 1 &lt;Leeds&gt;: Tuesday 3 March 2026, 9:30 a.m. to 4:00 p.m.</li>" in html
    assert 'Day 2: Tuesday 3 March 2026, 5:00 p.m. to 4:00 p.m. <strong class="flag">Outside the hours' in html
    assert "<p>Everyone who needs preparing is prepared.</p>" in html and "<p>No message is overdue.</p>" in html
    assert "Missed Day 1" not in html
    assert "<li>No days yet.</li>" in overview_panels(_overview())


def test_the_panels_link_each_unprepared_person_and_list_missed_day_1_and_overdue_messages():
    person = SimpleNamespace(pk=3, person="Ann <Lee>", applying_as=ApplyingAs.PARENT_CARER)
    late = DueMessage(
        registration=person, message="m", key="k", due_on=datetime.date(2026, 6, 9), label="Pre-course pack",
        session=None, cohort=None,
    )  # fmt: skip

    html = overview_panels(
        _overview(
            unprepared=[(person, ["a named support contact", "the venue checked"])],
            missed_day1=[person],
            overdue=[late],
        )
    )

    link = reverse("events:preparation", kwargs={"pk": 7, "registration_pk": 3})
    assert (
        f'<a href="{link}">Ann &lt;Lee&gt;</a> (A parent carer): still needs a named support contact, the venue' in html
    )
    assert '<h2 id="day1-heading">Missed Day 1</h2>' in html and "<li>Ann &lt;Lee&gt;</li>" in html
    assert "<tr><td>Ann &lt;Lee&gt;</td><td>Pre-course pack</td><td>9 June 2026</td></tr>" in html
