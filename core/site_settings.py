"""The default site's row of a settings model (Settings → Cohort rules, Feedback, Trainer pathway),
read from the database at most once every `SITE_SETTINGS_CACHE_SECONDS` per app process (issue #8).

Nearly every page applies the programme's numbers, and they change a few times a year. Saving or
deleting a row forgets it at once in the process that saved it; other processes read it again
within the timeout.
"""

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.process_memory import ProcessMemory

_kept = ProcessMemory("SITE_SETTINGS_CACHE_SECONDS")


def default_site_settings(model: type[Model]) -> Model:
    """The saved row for the default site, or an unsaved one with the seed defaults."""
    return _kept.get(model, lambda: model.objects.filter(site__is_default_site=True).first() or model())


@receiver(post_save)
@receiver(post_delete)
def _forget_changed_row(sender, **kwargs) -> None:
    _kept.forget(sender)
