"""The regional summary of mix achieved across cohorts (issue #4 point 4), as an admin page."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from events.models import Cohort
from events.rules import current_rules
from events.selectors.mix import regional_mix_summary


class MixSummaryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/mix_summary.html"
    page_title = "Mix across cohorts"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_cohort"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        cohorts = Cohort.objects.in_regions_of(self.request.user).exclude(
            status__in=[Cohort.Status.DRAFT, Cohort.Status.CANCELLED]
        )
        return {**super().get_context_data(**kwargs), "regions": regional_mix_summary(cohorts, current_rules())}


class MixSummaryViewSet(ViewSet):
    name = "cohort_mix"
    icon = "group"
    menu_label = "Mix across cohorts"

    def get_urlpatterns(self):
        return [path("", MixSummaryView.as_view(), name="index")]
