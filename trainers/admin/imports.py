"""Upload existing trainers: a dry-run preview with each row's problems, then all or nothing.

As for registrations (events), the previewed rows travel to the confirmation in a signed form field,
so what is imported is exactly what was previewed.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from events.admin.imports import SpreadsheetImportMixin
from events.forms.admin import ImportForm
from events.spreadsheets import FORMATS, export_bytes
from trainers.admin.mixins import PermissionMenuMixin
from trainers.models import TrainerProfile
from trainers.resources import TrainerResource
from trainers.services.imports import trainers_import, trainers_import_preview

SALT = "trainers.trainer-import"
PERMISSION = "trainers.add_trainerprofile"
COLUMN_LABELS = {"__all__": "Row", "person": "Email", "mentor": "Mentor email"}


class TrainerImportView(SpreadsheetImportMixin, WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "trainers/admin/import.html"
    page_title = "Import trainers"
    header_icon = "upload"
    salt = SALT
    column_labels = COLUMN_LABELS
    preview_template_name = "trainers/admin/import_preview.html"

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

    def preview_import(self, dataset):
        return trainers_import_preview(dataset=dataset, actor=self.request.user)

    def run_import(self, dataset):
        return trainers_import(dataset=dataset, actor=self.request.user)

    def restart_url(self) -> str:
        return reverse("trainer_import:index")

    def imported(self, result):
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
