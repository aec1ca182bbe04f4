"""The shape of every state change in the admin: a small form that calls one service (CONVENTIONS.md).

A refusal from the service comes back as the form's error, in the service's own words, and nothing
is changed; success shows `success_message` and goes to `get_success_url()`.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class ServiceActionView(WagtailAdminTemplateMixin, FormView):
    """Subclasses set `self.object` before the form runs and implement `perform(form)`."""

    form_class = forms.Form
    submit_label = "Confirm"
    success_message = ""
    explanation = ""

    def perform(self, form) -> None:
        raise NotImplementedError

    #: A change that cannot be taken back (cancelling) gets Wagtail's "serious" button.
    serious = False

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        """Home › where the object lives › this step, so the person sees what they are about to change."""
        return [*self.breadcrumbs_items, *self.object_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def object_breadcrumbs_items(self) -> list[dict]:
        """The object's place in the admin; a subclass links its listing and page."""
        return [{"url": "", "label": str(self.object)}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object, "view": self}

    def form_valid(self, form):
        try:
            self.perform(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())
