"""A month calendar of the cohorts in a facilitator's regions, as a page in the Wagtail admin
(issue #21 point 6): Wagtail's own page header and layout (`WagtailAdminTemplateMixin`), registered
with `register_admin_urls` and a menu item in `events.wagtail_hooks`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.models import Cohort
from events.selectors.calendar_month import month_of_days, month_start, next_month, previous_month

PERMISSION = "events.view_cohort"


class CohortCalendarView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/calendar.html"
    page_title = "Cohort calendar"
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        first = month_start(self.request.GET.get("month"), today)
        if first is None:
            messages.error(self.request, "That is not a month. Here is this month.")
            first = today.replace(day=1)
        return {
            **super().get_context_data(**kwargs),
            "month": first,
            "weeks": month_of_days(Cohort.objects.in_regions_of(self.request.user), first),
            "previous": previous_month(first),
            "next": next_month(first),
            "today": today,
        }
