"""The register: who came to each day (issue #6 point 2, DOMAIN.md §7 "attendance for each day").

One row per registration and session, written only by `feedback.services.attendance`. A person who
joins another cohort's Day 1 (`Registration.day1_cohort`) is on that cohort's Day 1 register with
their own registration, so their attendance follows them.
"""

from django.db import models

from feedback.models.base import SessionRecordQuerySet


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    LATE = "late", "Arrived late"
    LEFT_EARLY = "left_early", "Left early"
    ABSENT = "absent", "Absent"


def attended_statuses(rules) -> list[str]:
    """Present or late, and left early when the rules count it (Settings → Course follow-through)."""
    statuses = [AttendanceStatus.PRESENT, AttendanceStatus.LATE]
    if rules.left_early_counts_as_attended:
        statuses.append(AttendanceStatus.LEFT_EARLY)
    return statuses


class AttendanceQuerySet(SessionRecordQuerySet):
    def attended(self, rules) -> "AttendanceQuerySet":
        return self.filter(status__in=attended_statuses(rules))


class Attendance(models.Model):
    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="attendance")
    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=12, choices=AttendanceStatus.choices, editable=False)
    note = models.CharField(max_length=300, blank=True, help_text="For example the time they arrived or left.")
    recorded_at = models.DateTimeField(auto_now=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(fields=["session", "registration"], name="feedback_attendance_once"),
            models.CheckConstraint(
                condition=models.Q(status__in=AttendanceStatus.values), name="feedback_attendance_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.person}: {self.get_status_display()} on {self.session}"

    def counts_as_attended(self, rules) -> bool:
        """The same rule as `Attendance.objects.attended`, for marks already loaded."""
        return self.status in attended_statuses(rules)
