"""Wagtail's own reports export through the same formula-safe mechanism as our listings (issue #19
point 2): the site history's labels hold people's names, which can start a formula.

Wagtail routes its reports in `wagtail.admin.urls.reports` with no setting to swap a view, so
config/urls.py routes the same addresses to these subclasses just before Wagtail's admin URLs. The
URL names stay Wagtail's (reversing gives the same address), and the views get the decorations
Wagtail's admin URLs get: admin access required, never cached.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.exports import FormulaSafeExportMixin

#: Every Wagtail report that exports, by its address under admin/reports/.
EXPORTING_REPORTS = {
    "locked/": LockedPagesView,
    "workflow/": WorkflowView,
    "workflow_tasks/": WorkflowTasksView,
    "site-history/": LogEntriesView,
    "aging-pages/": AgingPagesView,
}


def _formula_safe(report):
    return type(report.__name__, (FormulaSafeExportMixin, report), {})


urlpatterns = []
for route, report in EXPORTING_REPORTS.items():
    view = _formula_safe(report)
    urlpatterns += [path(route, view.as_view()), path(f"{route}results/", view.as_view(results_only=True))]
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
