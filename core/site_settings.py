"""The default site's row of a settings model (Settings → Cohort rules, Feedback, Trainer pathway),
kept in the shared cache until the row changes (issue #8, issue #20).

Nearly every page applies the programme's numbers, and they change a few times a year. The row is
kept under its model's generation (core.caching): saving or deleting a settings row bumps it, so
every app process applies the change on its next read.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from wagtail.contrib.settings.models import BaseSiteSetting

from core.caching import bump_on_change, cached


def _generation(model: type[Model]) -> str:
    return f"site-settings:{model._meta.label_lower}"


def default_site_settings(model: type[Model]) -> Model:
    """The saved row for the default site, or an unsaved one with the seed defaults."""
    return cached(
        _generation(model),
        lambda: model.objects.filter(site__is_default_site=True).first() or model(),
        generation_names=[_generation(model)],
        timeout=settings.SITE_SETTINGS_CACHE_SECONDS,
    )


def bump_on_settings_change() -> None:
    """Each settings model bumps its own generation when a row is saved or deleted (CoreConfig.ready)."""
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):
            bump_on_change(_generation(model), [model])
