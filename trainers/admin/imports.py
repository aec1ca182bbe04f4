"""Upload existing trainers: a dry-run preview with each row's problems, then all or nothing.

As for registrations (events), the previewed rows travel to the confirmation in a signed form field,
so what is imported is exactly what was previewed.
"""

from pathlib import PurePath

import tablib
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from events.forms.admin import ImportForm
from events.services.imports import ImportRejected
from events.spreadsheets import FORMATS, export_bytes, import_row_problems, read_dataset
from trainers.admin.mixins import PermissionMenuMixin
from trainers.models import TrainerProfile
from trainers.resources import TrainerResource
from trainers.services.imports import trainers_import, trainers_import_preview

SALT = "trainers.trainer-import"
PERMISSION = "trainers.add_trainerprofile"
COLUMN_LABELS = {"__all__": "Row", "person": "Email", "mentor": "Mentor email"}


class TrainerImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "trainers/admin/import.html"
    page_title = "Import trainers"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["file"].label = "Spreadsheet of trainers"
        form.fields[
            "file"
        ].help_text = "A CSV or Excel (.xlsx) file with one trainer per row, in the template's columns."
        return form

    def post(self, request, *args, **kwargs):
        if "rows" in request.POST:
            return self.confirm(request.POST["rows"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            dataset = read_dataset(upload.read(), PurePath(upload.name).suffix.lower().lstrip("."))
            result = trainers_import_preview(dataset=dataset, actor=self.request.user)
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
        problems = import_row_problems(result, column_labels=COLUMN_LABELS)
        rows = [
            (number, dict(zip(dataset.headers, row, strict=True)), problems.get(number, []))
            for number, row in enumerate(dataset, 1)
        ]
        return render(
            self.request,
            "trainers/admin/import_preview.html",
            {
                **self.get_context_data(form=self.get_form_class()()),
                "rows": rows,
                "problem_count": len(problems),
                "signed_rows": signing.dumps(dataset.export("json"), salt=SALT, compress=True),
            },
        )

    def confirm(self, signed_rows: str):
        try:
            dataset = tablib.Dataset().load(signing.loads(signed_rows, salt=SALT, max_age=3600), format="json")
        except signing.BadSignature:
            messages.error(self.request, "The preview has expired. Upload the file again.")
            return redirect(reverse("trainer_import:index"))
        try:
            result = trainers_import(dataset=dataset, actor=self.request.user)
        except ImportRejected as rejected:
            messages.error(self.request, rejected.messages[0])
            return self._preview(dataset, rejected.result)
        messages.success(self.request, f"{result.totals['new']} trainers imported.")
        return redirect(reverse("trainer_profiles:index"))


def trainer_export(request, extension: str):
    """Every trainer in the import's columns, formulas escaped: the template to start from."""
    if extension not in FORMATS:
        raise Http404
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    profiles = TrainerProfile.objects.select_related("person", "region", "mentor").prefetch_related("steps")
    dataset = TrainerResource().export(profiles)
    response = HttpResponse(export_bytes(dataset, extension), content_type=FORMATS[extension].CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="trainers.{extension}"'
    return response


class TrainerImportViewSet(PermissionMenuMixin, ViewSet):
    permission = PERMISSION
    name = "trainer_import"
    icon = "upload"
    menu_label = "Import trainers"

    def get_urlpatterns(self):
        return [
            path("", TrainerImportView.as_view(), name="index"),
            path("template.<str:extension>", trainer_export, name="template"),
        ]
