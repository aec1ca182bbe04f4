"""State changes in the admin: each screen is a small form that calls one service (CONVENTIONS.md).

The object is looked up in the user's regions, so another region's id is a 404, and a rule the
service refuses comes back as the form's error, in the service's own words.
"""

from django.urls import reverse

from core.admin.actions import ServiceActionView
from events.admin.mixins import ObjectPermissionMixin
from events.forms.admin import CohortCancelForm, ConfirmForm, Day1EquivalentForm, MoveDay1Form, ReasonForm
from events.models import Cohort, Day1Completion, Registration
from events.models.rules import current_rules
from events.selectors.mix import cohort_mix
from events.services import cohorts as cohort_services
from events.services.day1 import day1_completion_record
from events.services.registrations import registration_cancel, registration_move_day1


class ActionView(ObjectPermissionMixin, ServiceActionView):
    template_name = "events/admin/action.html"
    header_icon = "date"
    permission = "events.change_cohort"


class CohortActionView(ActionView):
    model = Cohort

    def get_success_url(self):
        return reverse("cohorts:inspect", args=[self.object.pk])

    def object_breadcrumbs_items(self) -> list[dict]:
        return [
            {"url": reverse("cohorts:index"), "label": "Cohorts"},
            {"url": self.get_success_url(), "label": str(self.object)},
        ]


class CohortOpenView(CohortActionView):
    page_title = "Open for registration"
    submit_label = "Open for registration"
    success_message = "The cohort is open for registration and listed on the website."
    explanation = (
        "People can then find the cohort on the website and register. Trainers see registrations as they arrive."
    )

    def perform(self, form):
        cohort_services.cohort_open(cohort=self.object, actor=self.request.user)


class CohortConfirmView(CohortActionView):
    page_title = "Confirm the cohort"
    form_class = ConfirmForm
    submit_label = "Confirm the cohort"
    success_message = "The cohort is confirmed."
    explanation = "Confirming says the cohort will run. It fixes the version of the course it is delivered from."

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "mix": cohort_mix(self.object, current_rules())}

    def perform(self, form):
        cohort_services.cohort_confirm(
            cohort=self.object, actor=self.request.user, override_reason=form.cleaned_data["override_reason"]
        )


class CohortDeliverView(CohortActionView):
    page_title = "Mark as delivered"
    submit_label = "Mark as delivered"
    success_message = "The cohort is marked as delivered."

    def perform(self, form):
        cohort_services.cohort_mark_delivered(cohort=self.object, actor=self.request.user)


class CohortCancelView(CohortActionView):
    page_title = "Cancel the cohort"
    form_class = CohortCancelForm
    serious = True
    submit_label = "Cancel the cohort"
    success_message = "The cohort is cancelled and everyone registered has been told."

    def perform(self, form):
        cohort_services.cohort_cancel(
            cohort=self.object,
            actor=self.request.user,
            reason_code=form.cleaned_data["reason_code"],
            reason=form.cleaned_data["reason"],
        )


COHORT_ACTIONS = {
    "open": CohortOpenView,
    "confirm": CohortConfirmView,
    "deliver": CohortDeliverView,
    "cancel": CohortCancelView,
}
ACTIONS_BY_STATUS = {
    Cohort.Status.DRAFT: ["open", "cancel"],
    Cohort.Status.RECRUITING: ["confirm", "cancel", "import"],
    Cohort.Status.CONFIRMED: ["deliver", "cancel", "import"],
}


#: The step a cohort usually takes next: the cohort page's main button; its other actions go under "More".
NEXT_STEPS = frozenset({"open", "confirm", "deliver"})


def available_actions(cohort: Cohort, user) -> list[tuple[str, str, str]]:
    """(name, label, url) of what may be done to the cohort now, in the order it usually happens."""
    if not user.has_perm("events.change_cohort"):
        return []
    labels = {name: view.page_title for name, view in COHORT_ACTIONS.items()} | {"import": "Import registrations"}
    return [
        (name, labels[name], reverse(f"cohorts:{name}", args=[cohort.pk]))
        for name in ACTIONS_BY_STATUS.get(cohort.status, [])
    ]


class RegistrationActionView(ActionView):
    model = Registration
    header_icon = "user"

    def get_success_url(self):
        return reverse("registrations:inspect", args=[self.object.pk])


class RegistrationCancelView(RegistrationActionView):
    page_title = "Cancel this registration"
    form_class = ReasonForm
    submit_label = "Cancel the registration"
    success_message = "The registration is cancelled; a place it held is offered to the next person waiting."

    def perform(self, form):
        registration_cancel(registration=self.object, actor=self.request.user, reason=form.cleaned_data["reason"])


class RegistrationMoveDay1View(RegistrationActionView):
    page_title = "Move to another cohort's Day 1"
    form_class = MoveDay1Form
    submit_label = "Move Day 1"
    success_message = "Day 1 is moved; they have been sent their new dates."
    explanation = (
        "For someone who missed Day 1. They keep their registration. If the new Day 1 is after this "
        "cohort's Day 2, they move to that cohort for both days."
    )

    def get_form_kwargs(self):
        cohorts = (
            Cohort.objects.in_regions_of(self.request.user)
            .filter(path=Cohort.Path.FULL, status__in=Cohort.OPEN_STATUSES)
            .exclude(pk=self.object.cohort_id)
        )
        return {**super().get_form_kwargs(), "cohorts": cohorts}

    def perform(self, form):
        registration_move_day1(
            registration=self.object, to_cohort=form.cleaned_data["to_cohort"], actor=self.request.user
        )


class Day1EquivalentView(RegistrationActionView):
    page_title = "Record Day 1 as done"
    form_class = Day1EquivalentForm
    permission = "events.add_day1completion"
    submit_label = "Record Day 1"
    success_message = "Day 1 is recorded: they will not be asked to attend it again."
    # 000:L2320–2324
    explanation = "Day 1 is the same for both courses: someone who has done it need not do it again."

    def perform(self, form):
        day1_completion_record(
            person=self.object.person,
            kind=Day1Completion.Kind.EQUIVALENT,
            completed_on=form.cleaned_data["completed_on"],
            note=form.cleaned_data["note"],
            actor=self.request.user,
        )


REGISTRATION_ACTIONS = {
    "cancel": RegistrationCancelView,
    "move_day1": RegistrationMoveDay1View,
    "day1": Day1EquivalentView,
}


def registration_actions(registration: Registration, user) -> list[tuple[str, str]]:
    if registration.status == Registration.Status.CANCELLED or not user.has_perm("events.change_cohort"):
        return []
    names = ["cancel"]
    if registration.status == Registration.Status.CONFIRMED and registration.cohort.path == Cohort.Path.FULL:
        names.append("move_day1")
    if not Day1Completion.objects.filter(person=registration.person).exists():
        names.append("day1")
    return [
        (REGISTRATION_ACTIONS[name].page_title, reverse(f"registrations:{name}", args=[registration.pk]))
        for name in names
    ]
