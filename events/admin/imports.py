"""Upload a cohort's registrations: a dry-run preview with each row's problems, then all or nothing.

Between the preview and the confirmation the rows travel in a signed form field (Django's
`signing`), so what is imported is exactly what was previewed and cannot be edited in between.
"""

from pathlib import PurePath

import tablib
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.admin.mixins import ObjectPermissionMixin, scoped_queryset
from events.forms.admin import ImportForm
from events.models import Cohort, Registration
from events.resources import RegistrationResource
from events.services.imports import ImportRejected, registrations_import, registrations_import_preview
from events.spreadsheets import FORMATS, export_bytes, import_row_problems, read_dataset

SALT = "events.registration-import"


COLUMN_LABELS = {"__all__": "Row", "person": "Email"}


class SpreadsheetImportMixin:
    """Upload, preview every row with its problems, then confirm an all-or-nothing import (issue #4
    point 8). The previewed rows travel signed in the confirm form, so exactly they are imported.
    A view sets `salt`, `column_labels`, `preview_template_name` and the four methods below."""

    salt = ""
    column_labels: dict[str, str] = {}
    preview_template_name = ""

    def preview_import(self, dataset: tablib.Dataset):
        raise NotImplementedError

    def run_import(self, dataset: tablib.Dataset):
        raise NotImplementedError

    def restart_url(self) -> str:
        raise NotImplementedError

    def imported(self, result):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        if "rows" in request.POST:
            return self.confirm(request.POST["rows"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            dataset = read_dataset(upload.read(), PurePath(upload.name).suffix.lower().lstrip("."))
            result = self.preview_import(dataset)
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        except Exception:  # any failure to parse means the upload is not a spreadsheet we can read
            form.add_error(
                "file", "This file could not be read as a spreadsheet. Save it as CSV or .xlsx and try again."
            )
            return self.form_invalid(form)
        return self._preview(dataset, result)

    def _preview(self, dataset: tablib.Dataset, result):
        problems = import_row_problems(result, column_labels=self.column_labels)
        rows = [
            (number, dict(zip(dataset.headers, row, strict=True)), problems.get(number, []))
            for number, row in enumerate(dataset, 1)
        ]
        return render(
            self.request,
            self.preview_template_name,
            {
                **self.get_context_data(form=self.get_form_class()()),
                "rows": rows,
                "headers": dataset.headers,
                "problem_count": len(problems),
                "signed_rows": signing.dumps(dataset.export("json"), salt=self.salt, compress=True),
            },
        )

    def confirm(self, signed_rows: str):
        try:
            dataset = tablib.Dataset().load(signing.loads(signed_rows, salt=self.salt, max_age=3600), format="json")
        except signing.BadSignature:
            messages.error(self.request, "The preview has expired. Upload the file again.")
            return redirect(self.restart_url())
        try:
            result = self.run_import(dataset)
        except ImportRejected as rejected:
            messages.error(self.request, rejected.messages[0])
            return self._preview(dataset, rejected.result)
        return self.imported(result)


class CohortImportView(SpreadsheetImportMixin, ObjectPermissionMixin, WagtailAdminTemplateMixin, FormView):
    model = Cohort
    permission = "events.add_registration"
    form_class = ImportForm
    template_name = "events/admin/import.html"
    page_title = "Import registrations"
    header_icon = "upload"
    salt = SALT
    column_labels = COLUMN_LABELS
    preview_template_name = "events/admin/import_preview.html"

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "template_csv": reverse("cohorts:export", args=[self.object.pk, "csv"]),
            "template_xlsx": reverse("cohorts:export", args=[self.object.pk, "xlsx"]),
        }

    def preview_import(self, dataset):
        return registrations_import_preview(cohort=self.object, dataset=dataset, actor=self.request.user)

    def run_import(self, dataset):
        return registrations_import(cohort=self.object, dataset=dataset, actor=self.request.user)

    def restart_url(self) -> str:
        return reverse("cohorts:import", args=[self.object.pk])

    def imported(self, result):
        messages.success(self.request, f"{result.totals['new']} registrations imported. Each person has been emailed.")
        return redirect(reverse("cohorts:inspect", args=[self.object.pk]))


def cohort_export(request, pk: int, extension: str):
    """The cohort's registrations in the import's columns, formulas escaped; empty, it is the template."""
    if extension not in FORMATS:
        raise Http404
    if not request.user.has_perm("events.view_registration"):
        raise PermissionDenied
    cohort = get_object_or_404(scoped_queryset(Cohort, request.user), pk=pk)
    registrations = (
        Registration.objects.filter(cohort=cohort)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("person__day1_completion")
        .order_by("registered_at", "pk")
    )
    dataset = RegistrationResource(cohort=cohort).export(registrations)
    response = HttpResponse(export_bytes(dataset, extension), content_type=FORMATS[extension].CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="registrations-{cohort.pk}.{extension}"'
    return response
