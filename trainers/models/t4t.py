"""Training for Trainers: the candidates on a T4T cohort and the pre-reading that lets them come.

T4T is a cohort of the T4T course (events). Completing its pre-reading is a condition of taking
part (000:L404–406); each candidate prepares Day 1 Sections 5 and 6 and, on the day, delivers a part
they learn only then, in a small group balanced by experience (000:L2082–2093, L3506–3514).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from trainers.models.profiles import TrainerProfile


class T4TPlace(models.Model):
    cohort = models.ForeignKey("events.Cohort", on_delete=models.PROTECT, related_name="t4t_places")
    profile = models.ForeignKey(TrainerProfile, on_delete=models.CASCADE, related_name="t4t_places")
    booked_at = models.DateTimeField(default=timezone.now)
    group_number = models.PositiveSmallIntegerField(null=True, blank=True)
    part_to_deliver = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["group_number", "profile__person__last_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "profile"], name="trainers_t4t_place_once")]

    def __str__(self) -> str:
        return f"{self.profile} at {self.cohort}"

    @property
    def part_is_revealed(self) -> bool:
        """Candidates learn which part they deliver only on the day (000:L2089–2093)."""
        start = self.cohort.start_date
        return bool(self.part_to_deliver) and start is not None and start <= timezone.localdate()


class T4TPrereadingConfirmation(models.Model):
    """The pre-reading recorded as done by a programme admin, for instance read on paper (000:L4442–4456).

    One of the sources `trainers.interfaces.completed_t4t_prereading` asks; reading progress in the
    feedback app is another, registered there.
    """

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="t4t_prereading")
    completed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "T4T pre-reading record"

    def __str__(self) -> str:
        return f"{self.person}: T4T pre-reading done on {self.completed_on:%d %b %Y}"
