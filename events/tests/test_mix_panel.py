"""A cohort's mix drawn in Python (events.templatetags.events_mix): warnings first, then who is coming."""

import re

from django.template import Context, Template

from events.selectors.mix import MixReport
from events.templatetags.events_mix import mix_panel

SHORT = MixReport(
    confirmed=0,
    sectors=[("Health", 0), ("Education", 0)],
    parent_carers=0,
    young_people=0,
    family_members=0,
    organisations=[],
    experience=[("None", 0)],
    warnings=["No parent carer yet", "No one from social care yet"],
)
MET = MixReport(
    confirmed=12,
    sectors=[("Health", 3), ("Social care", 2)],
    parent_carers=2,
    young_people=1,
    family_members=0,
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
    html = Template("{% load events_mix %}{% mix_panel mix %}").render(Context({"mix": MET}))

    assert html.startswith('<section class="mix" aria-labelledby="mix-heading">')
    assert len(re.findall("<table>", html)) == 3
