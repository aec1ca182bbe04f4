"""Day 1 once: who has done Day 1, so nobody is asked to attend it twice (000:L2320–2324, L4339–4343).

Day 1 is shared by both courses. A person has done it when the register of a delivered Day 1
records their attendance (issue #6 writes `kind=ATTENDED` through `day1_completion_record`), or when
a Regional Facilitator records an earlier or equivalent Day 1 (`kind=EQUIVALENT`). One row per
person; Day 2 requires it (`events.selectors.day1`).
"""

from django.conf import settings
from django.db import models


class Day1Completion(models.Model):
    class Kind(models.TextChoices):
        ATTENDED = "attended", "Attended Day 1"
        EQUIVALENT = "equivalent", "Done before or equivalent, recorded by a facilitator"

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="day1_completion")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    completed_on = models.DateField()
    cohort = models.ForeignKey(
        "events.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="day1_completions",
        help_text="The cohort whose Day 1 they attended, when it was on this platform.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="For an equivalent: what and where.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Day 1 completion"

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} on {self.completed_on}"
