"""The registrations table's rows, drawn in Python (events.templatetags.events_people)."""

from django.template import Context, Template

from events.models.choices import ApplyingAs, Sector
from events.templatetags.events_people import people_rows
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

    html = Template("{% load events_people %}{% people_rows registrations %}").render(
        Context({"registrations": [registration]})
    )

    assert html.startswith("<tr><td>Rosa Person</td>")
