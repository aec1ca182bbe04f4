"""Messages from the cohort page (issue #22 point 2): the pack, an agenda, or a message to a group.

Each screen is a small form that calls one service (events.services.messaging.due_message_send,
events.services.cohort_messages); the cohort is looked up in the facilitator's regions, so another
region's cohort is a 404. Registered with `register_admin_urls` under /admin/cohorts/<pk>/….
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks

from events import messages as cohort_messages
from events.admin.actions import CohortActionView
from events.forms.messaging import STARTERS, CohortMessageForm, DueMessageSendForm
from events.models import Registration
from events.services.cohort_messages import (
    Audience,
    CohortMessage,
    audience_people,
    cohort_message_preview,
    cohort_message_send,
)
from events.services.messaging import due_message_send


class CohortMessageView(CohortActionView):
    """Write to a group: "Preview" shows the message and how many get it; "Send" sends it."""

    template_name = "events/admin/cohort_message.html"
    form_class = CohortMessageForm
    page_title = "Write to the cohort's people"
    header_icon = "mail"
    submit_label = "Send the message"

    def get_initial(self):
        subject, text = STARTERS.get(self.request.GET.get("starter"), ("", ""))
        return {"audience": self.request.GET.get("audience", Audience.CONFIRMED), "subject": subject, "text": text}

    def get_form_kwargs(self):
        counts = {audience: audience_people(self.object, audience).count() for audience in Audience.values}
        return {**super().get_form_kwargs(), "counts": counts}

    def get_context_data(self, **kwargs):
        starters = [(key, subject) for key, (subject, _) in STARTERS.items()]
        return {**super().get_context_data(**kwargs), "starters": starters}

    def form_valid(self, form):
        draft = CohortMessage(cohort=self.object, **form.cleaned_data)
        try:
            if "preview" in self.request.POST:
                preview, count = cohort_message_preview(draft=draft, reader=self.request.user)
                return self.render_to_response(self.get_context_data(form=form, preview=preview, count=count))
            sent = cohort_message_send(draft=draft, actor=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if sent:
            messages.success(
                self.request, f"Your message is on its way to {sent} {'person' if sent == 1 else 'people'}."
            )
        else:
            messages.warning(self.request, "Everyone in this group already had this message, so it was not sent again.")
        return redirect(self.get_success_url())


class DueMessageSendView(CohortActionView):
    """Send or send again the pre-course pack (or an agenda) to one person or to all who have not had it."""

    form_class = DueMessageSendForm
    message = cohort_messages.PRE_COURSE_PACK
    page_title = "Send the pre-course pack"
    submit_label = "Send the pack"
    explanation = (
        "Choose one person to send it to them now, even if they had it before. "
        "Or leave it as it is to send it to everyone with a confirmed place who has not had it."
    )

    def get_form_kwargs(self):
        registrations = Registration.objects.filter(
            cohort=self.object, status=Registration.Status.CONFIRMED
        ).select_related("person")
        return {**super().get_form_kwargs(), "registrations": registrations.order_by("person__last_name", "pk")}

    def get_initial(self):
        return {"registration": self.request.GET.get("registration")}

    def form_valid(self, form):
        try:
            sent = due_message_send(
                cohort=self.object,
                message=self.message,
                actor=self.request.user,
                session=form.cleaned_data.get("session"),
                registration=form.cleaned_data["registration"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if sent:
            messages.success(self.request, f"Sent to {sent} {'person' if sent == 1 else 'people'}.")
        else:
            messages.warning(self.request, "Everyone with a confirmed place has already had it: nothing was sent.")
        return redirect(self.get_success_url())


class AgendaSendView(DueMessageSendView):
    message = cohort_messages.AGENDA
    page_title = "Send a day's agenda"
    submit_label = "Send the agenda"

    def get_form_kwargs(self):
        sessions = self.object.sessions.select_related("course").order_by("date", "starts_at")
        return {**super().get_form_kwargs(), "sessions": sessions}


@hooks.register("register_admin_urls")
def register_cohort_messaging_urls():
    return [
        path("cohorts/<int:pk>/message/", CohortMessageView.as_view(), name="cohort_message"),
        path("cohorts/<int:pk>/send-pack/", DueMessageSendView.as_view(), name="cohort_send_pack"),
        path("cohorts/<int:pk>/send-agenda/", AgendaSendView.as_view(), name="cohort_send_agenda"),
    ]


def messaging_links(cohort) -> list[tuple[str, str]]:
    """(label, url) for the cohort page's buttons."""
    return [
        (CohortMessageView.page_title, reverse("cohort_message", args=[cohort.pk])),
        (DueMessageSendView.page_title, reverse("cohort_send_pack", args=[cohort.pk])),
        (AgendaSendView.page_title, reverse("cohort_send_agenda", args=[cohort.pk])),
    ]
