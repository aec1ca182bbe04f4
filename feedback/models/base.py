"""What every record kept about one course day shares: who may read it."""

from django.db import models


class SessionRecordQuerySet(models.QuerySet):
    """Records of a session are seen by whoever may see its cohort: programme admins, the region's
    facilitators and the cohort's trainers (`events.Cohort.objects.visible_to`)."""

    def visible_to(self, user) -> "SessionRecordQuerySet":
        from events.models import Cohort

        return self.filter(session__cohort__in=Cohort.objects.visible_to(user))

    def in_regions_of(self, user) -> "SessionRecordQuerySet":
        """The admin's view: programme admins everywhere, facilitators in their regions."""
        from events.models import Cohort

        return self.filter(session__cohort__in=Cohort.objects.in_regions_of(user))
