"""The fidelity dashboard in the Wagtail admin: charts, the same numbers as tables, and exports."""

import tablib
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.timezone import localdate

from core.roles import Role
from events.access import managed_regions
from events.spreadsheets import FORMATS, escape_dataset
from oversight.charts import bar_chart
from oversight.selectors import cohorts_in_scope, fidelity_report


def can_view_fidelity(user) -> bool:
    return user.is_superuser or user.has_role(Role.PROGRAMME_ADMIN) or user.has_role(Role.REGIONAL_FACILITATOR)


class FidelityFilterForm(forms.Form):
    region = forms.ModelChoiceField(queryset=None, required=False, empty_label="All my regions")
    start = forms.DateField(label="First day from", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="First day to", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = managed_regions(user).order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise ValidationError("The start of the period must be before its end.")
        return cleaned


def fidelity(request):
    if not can_view_fidelity(request.user):
        raise PermissionDenied
    form = FidelityFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    cohorts = cohorts_in_scope(
        request.user, region=filters.get("region"), start=filters.get("start"), end=filters.get("end")
    )
    regions = [filters["region"]] if filters.get("region") else managed_regions(request.user)
    report = fidelity_report(cohorts, regions=regions, today=localdate())
    export = request.GET.get("export")
    if export in FORMATS:
        return _export(report, export)
    context = {"form": form, "report": report, "overall_chart": bar_chart(report.overall)}
    return TemplateResponse(request, "oversight/fidelity.html", context)


def _export(report, export_format: str) -> HttpResponse:
    """The dashboard's figures, overall and by region, as a spreadsheet (formula-safe)."""
    dataset = tablib.Dataset(headers=["Area", "Measure", "Done", "Out of", "Per cent"])
    areas = [("England (selected regions)", report.overall), *[(r.name, figures) for r, figures in report.by_region]]
    for area, figures in areas:
        for figure in figures:
            dataset.append([area, figure.definition.label, figure.done, figure.out_of, figure.percent])
    file_format = FORMATS[export_format]()
    response = HttpResponse(
        file_format.export_data(escape_dataset(dataset)), content_type=file_format.get_content_type()
    )
    response["Content-Disposition"] = f'attachment; filename="programme-fidelity.{export_format}"'
    return response
