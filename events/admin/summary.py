"""The regional summary of mix achieved across cohorts (issue #4 point 4), as an admin page.

Only the cohorts starting in a period are summarised, by default the last and the coming
`EVENTS_MIX_SUMMARY_MONTHS` months, the summary is kept in the cache for a few minutes, and the
cohort rows come a page at a time (issue #8): every cohort ever, evaluated and listed, grew with
the programme.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import path
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.caching import generations
from events.access import managed_regions_key
from events.caching import COHORTS
from events.models import Cohort
from events.models.rules import current_rules
from events.selectors.mix import regional_mix_summary


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    months = relativedelta(months=settings.EVENTS_MIX_SUMMARY_MONTHS)
    return today - months, today + months


class PeriodForm(forms.Form):
    starts_from = forms.DateField(label="Cohorts starting from", widget=forms.DateInput(attrs={"type": "date"}))
    starts_until = forms.DateField(label="until", widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("starts_from") and data.get("starts_until") and data["starts_from"] > data["starts_until"]:
            raise forms.ValidationError("The start of the period must come before its end.")
        return data


class MixSummaryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/mix_summary.html"
    page_title = "Mix across cohorts"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_cohort"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def period(self) -> tuple[PeriodForm, datetime.date, datetime.date]:
        """The period asked for, or the default one when none was asked for or it was not valid."""
        start, end = default_period(timezone.localdate())
        asked = {"starts_from", "starts_until"} & set(self.request.GET)
        form = PeriodForm(self.request.GET if asked else None, initial={"starts_from": start, "starts_until": end})
        if form.is_valid():
            start, end = form.cleaned_data["starts_from"], form.cleaned_data["starts_until"]
        return form, start, end

    def cache_key(self, start: datetime.date, end: datetime.date) -> str:
        """The summary is the same for everyone managing the same regions, so it is kept per regions,
        period and day, under the cohorts' generation: a new cohort or registration shows at once
        (issue #20); `EVENTS_MIX_SUMMARY_CACHE_SECONDS` only bounds how long an unread one takes room."""
        regions = managed_regions_key(self.request.user)
        return f"events:mix-summary:{timezone.localdate()}:{regions}:{start}:{end}@{generations(COHORTS)}"

    def get_context_data(self, **kwargs):
        form, start, end = self.period()
        key = self.cache_key(start, end)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "start": start,
            "end": end,
            "report": cache.get_or_set(
                f"{key}:{self.request.GET.urlencode()}",
                lambda: self.render_report(key, start, end),
                settings.EVENTS_MIX_SUMMARY_CACHE_SECONDS,
            ),
        }

    def render_report(self, key: str, start: datetime.date, end: datetime.date) -> str:
        """The regions and one page of cohorts as HTML. Kept per page of the same key: the summary
        itself (every cohort of the period, with its mix) is large, and unpickling it on every
        request cost more than the page; it is read only when a page is rendered."""
        cohorts = (
            Cohort.objects.in_regions_of(self.request.user)
            .exclude(status__in=[Cohort.Status.DRAFT, Cohort.Status.CANCELLED])
            .with_first_date()
            .filter(first_date__range=(start, end))
        )
        regions = cache.get_or_set(
            key, lambda: regional_mix_summary(cohorts, current_rules()), settings.EVENTS_MIX_SUMMARY_CACHE_SECONDS
        )
        paginator = Paginator(
            [(region, cohort, report) for region in regions for cohort, report in region.rows],
            settings.EVENTS_MIX_SUMMARY_PAGE_SIZE,
        )
        rows = paginator.get_page(self.request.GET.get("p"))
        return render_to_string(
            "events/admin/includes/mix_report.html",
            {"regions": regions, "rows": rows, "elided_page_range": paginator.get_elided_page_range(rows.number)},
            request=self.request,
        )


class MixSummaryViewSet(ViewSet):
    name = "cohort_mix"
    icon = "group"
    menu_label = "Mix across cohorts"

    def get_urlpatterns(self):
        return [path("", MixSummaryView.as_view(), name="index")]
