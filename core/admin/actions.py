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

    def get_page_subtitle(self):
        return str(self.object)

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
