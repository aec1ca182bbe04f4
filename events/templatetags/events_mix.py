"""`{% mix_panel mix %}`: a cohort's live mix (DOMAIN.md §4), warnings first in plain language, then
who is coming, drawn in Python (issue #8, docs/performance.md item 47).

It is on the cohort page everyone on a cohort shares, the admin's cohort page and the confirm
action; through a template its twenty-odd counts were a thirtieth of those pages' time.
"""

from django import template
from django.utils.safestring import SafeString

from core.admin_markup import esc
from events.selectors.mix import MixReport

register = template.Library()


def _rows(pairs) -> str:
    return "".join(
        f'<tr><th scope="row">{esc(label)}</th><td class="numeric">{esc(count)}</td></tr>' for label, count in pairs
    )


def _table(caption: str, heading: str, rows: str) -> str:
    return (
        f"<table><caption>{esc(caption)}</caption>"
        f'<thead><tr><th scope="col">{heading}</th><th scope="col" class="numeric">People</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _verdict(mix: MixReport) -> str:
    if not mix.warnings:
        return '<p class="callout callout--success"><strong>The mix rule is met.</strong></p>'
    warnings = "".join(f"<li>{esc(warning)}</li>" for warning in mix.warnings)
    return (
        '<div class="callout callout--warning" role="status">'
        "<p><strong>The mix rule is not met yet:</strong></p>"
        f'<ul class="mix-warnings">{warnings}</ul></div>'
    )


@register.simple_tag
def mix_panel(mix: MixReport) -> SafeString:
    groups = _rows(
        [
            *mix.sectors,
            ("Parent carers", mix.parent_carers),
            ("Young people", mix.young_people),
            ("Other family members and advocates", mix.family_members),
        ]
    )
    organisations = _table("Organisations", "Organisation", _rows(mix.organisations)) if mix.organisations else ""
    return SafeString(
        '<section class="mix" aria-labelledby="mix-heading">'
        '<h2 id="mix-heading">Who is coming: the multi-agency mix</h2>'
        f"{_verdict(mix)}"
        f"{''.join(f'<p>{esc(note)}</p>' for note in mix.notes)}"
        f"{_table(f'Confirmed participants: {mix.confirmed}', 'Group', groups)}"
        f"{organisations}"
        f"{_table('Experience of Early Support and key working', 'Experience', _rows(mix.experience))}"
        "</section>"
    )
