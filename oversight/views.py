"""The fidelity dashboard in the Wagtail admin: charts, the same numbers as tables, and exports."""

from urllib.parse import urlencode

import tablib
from django import forms
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.timezone import localdate

from core.forms import SiteFormMixin
from core.roles import Role
from events.access import managed_regions
from events.spreadsheets import FORMATS, escape_dataset
from oversight import conf
from oversight.charts import bar_chart
from oversight.selectors import cached_fidelity_report, fidelity_report_key

FILTERS = ("region", "start", "end")
#: The figure charted region by region: the one issue #7 asks to see day by day.
REGION_CHART_MEASURE = "readings_before_day"


def can_view_fidelity(user) -> bool:
    return user.is_superuser or user.has_role(Role.PROGRAMME_ADMIN) or user.has_role(Role.REGIONAL_FACILITATOR)


class FidelityFilterForm(SiteFormMixin, forms.Form):
    marks_optional = False  # filters, not questions

    region = forms.ModelChoiceField(queryset=None, required=False, empty_label="All my regions")
    start = forms.DateField(label="First day from", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="First day to", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = managed_regions(user).order_by("name")
        self.apply_site_pattern()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise ValidationError("The start of the period must be before its end.")
        return cleaned


def fidelity(request):
    if not can_view_fidelity(request.user):
        raise PermissionDenied
    today = localdate()
    year_start, year_end = conf.programme_year(today)
    # Without filters the page shows the current programme year; emptied dates mean every period.
    chosen = any(name in request.GET for name in FILTERS)
    data = request.GET if chosen else {"start": year_start.isoformat(), "end": year_end.isoformat()}
    form = FidelityFilterForm(data, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {"start": year_start, "end": year_end}
    region = filters.get("region")
    chosen_filters = {"region": region, "start": filters.get("start"), "end": filters.get("end"), "today": today}
    regions = [region] if region else managed_regions(request.user)
    report = cached_fidelity_report(request.user, regions=regions, **chosen_filters)
    export = request.GET.get("export")
    if export in FORMATS:
        return _export(report, export)
    context = {
        "form": form,
        "report": report,
        "period": (filters.get("start"), filters.get("end")),
        "is_programme_year": (filters.get("start"), filters.get("end")) == (year_start, year_end),
        "filter_query": urlencode({name: data.get(name, "") for name in FILTERS}),
        "cohorts": Paginator(report.rows, conf.COHORTS_PER_PAGE).get_page(request.GET.get("page")),
        "figures": _figures_html(fidelity_report_key(request.user, **chosen_filters), report),
    }
    return TemplateResponse(request, "oversight/fidelity.html", context)


def _figures_html(key: str, report) -> str:
    """The report's figures, tables and charts: the same for everyone shown this report, so they are
    drawn once per report (its key and when it was worked out) and kept in the shared cache."""
    return cache.get_or_set(
        f"{key}:figures:{report.computed_at.isoformat()}",
        lambda: render_to_string(
            "oversight/_figures.html",
            {"report": report, "overall_chart": bar_chart(report.overall), "region_chart": _region_chart(report)},
        ),
        conf.REPORT_CACHE_SECONDS,
    )


def _region_chart(report):
    pairs = [
        (name, figure)
        for name, figures in report.by_region
        for figure in figures
        if figure.definition.key == REGION_CHART_MEASURE
    ]
    if not pairs:
        return None
    return bar_chart([figure for _, figure in pairs], labels=[name for name, _ in pairs])


def _export(report, export_format: str) -> HttpResponse:
    """The dashboard's figures, overall and by region, as a spreadsheet (formula-safe)."""
    dataset = tablib.Dataset(headers=["Area", "Measure", "Done", "Out of", "Per cent"])
    for area, figures in [("England (selected regions)", report.overall), *report.by_region]:
        for figure in figures:
            dataset.append([area, figure.definition.label, figure.done, figure.out_of, figure.percent])
    file_format = FORMATS[export_format]()
    response = HttpResponse(
        file_format.export_data(escape_dataset(dataset)), content_type=file_format.get_content_type()
    )
    response["Content-Disposition"] = f'attachment; filename="programme-fidelity.{export_format}"'
    return response
