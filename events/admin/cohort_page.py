"""The cohort's page in the admin (issue #21 point 1): where creating a cohort lands and where its
title in the listing leads. One page to run a cohort from: its status and the actions it allows (the
header's buttons), its days and their course version, its team with "Change team", the mix, the
people with their contact details, preparation, messages coming and overdue, the registers, the
import and the history. A fixed number of queries however many registrations.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import ButtonsColumnMixin, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button, HeaderButton

from events.admin import actions
from events.admin.messaging import messaging_links
from events.admin.mixins import scoped_queryset
from events.models import Cohort
from events.models.rules import current_rules
from events.selectors.cohorts import overview_cohorts, overview_of
from events.selectors.deadlines import messages_coming

#: Who may change a cohort's team (the trainers app's team form, `cohort_teams:team`).
TEAM_PERMISSION = "trainers.change_deliveryassignment"


class CohortPageColumn(ButtonsColumnMixin, TitleColumn):
    """The listing's title, leading to the cohort's page rather than its edit form; the row keeps
    the listing's own "More options" buttons."""

    def __init__(self, name, *, view, **kwargs):
        super().__init__(name, get_url=view.get_inspect_url, **kwargs)
        self.view = view

    def get_buttons(self, instance, parent_context):
        return self.view.get_list_buttons(instance)


class CohortInspectView(generic.InspectView):
    """The cohort and its overview from one load of the cohort, in the user's regions (another
    region's id is a 404), with the venue the fields show besides what the overview reads."""

    template_name = "events/admin/cohort_inspect.html"

    def get_object(self, queryset=None):
        cohorts = overview_cohorts(scoped_queryset(Cohort, self.request.user)).select_related("venue")
        return get_object_or_404(cohorts, pk=unquote(str(self.pk)))

    @cached_property
    def actions(self) -> list[tuple[str, str, str]]:
        return actions.available_actions(self.object, self.request.user)

    @cached_property
    def team_url(self) -> str:
        if not self.request.user.has_perm(TEAM_PERMISSION):
            return ""
        return reverse("cohort_teams:team", args=[self.object.pk])

    @cached_property
    def header_buttons(self):
        """The cohort's next step (open, confirm, mark as delivered) and "Change team"."""
        buttons = [
            HeaderButton(label, url=url, icon_name="arrow-right", priority=10)
            for name, label, url in self.actions
            if name in actions.NEXT_STEPS
        ]
        if self.team_url:
            buttons.append(HeaderButton("Change team", url=self.team_url, icon_name="group", priority=20))
        return buttons

    @cached_property
    def header_more_buttons(self):
        """Cancelling, importing and the history, beside Wagtail's own edit and delete."""
        icons = {"cancel": "cross", "import": "upload"}
        more = [
            Button(label, url=url, icon_name=icons[name], priority=30)
            for name, label, url in self.actions
            if name not in actions.NEXT_STEPS
        ]
        history = Button(
            "History", url=reverse("cohorts:history", args=[self.object.pk]), icon_name="history", priority=40
        )
        return [*super().header_more_buttons, *more, history]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rules, today = current_rules(), timezone.localdate()
        overview = overview_of(self.object, rules=rules, today=today)
        context |= {
            "overview": overview,
            "team": self.object.team,
            "team_url": self.team_url,
            "coming": messages_coming(overview.confirmed, rules=rules, today=today),
            "messaging": messaging_links(self.object),
            "can_import": any(name == "import" for name, _label, _url in self.actions),
        }
        return context
