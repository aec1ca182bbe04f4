"""One row per message per recipient: what was sent, when, and whether it got through."""

from django.conf import settings
from django.db import models


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user) -> "NotificationQuerySet":
        return self.filter(recipient=user)


class Notification(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent: the person stopped optional reminders"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(max_length=100, help_text="Registered message name, e.g. events.pre_course_pack.")
    key = models.CharField(
        max_length=200, help_text="What this message is about (e.g. a registration): one message per key."
    )
    reply_to = models.EmailField(blank=True, help_text="Who answers a reply: the cohort's facilitator or region.")
    subject = models.CharField(max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    attachments = models.JSONField(default=list, blank=True, help_text="[[filename, text content, mimetype], ...]")
    context = models.JSONField(
        default=dict, blank=True, help_text="What the templates were given, as references (core.notifications.context)."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["message", "recipient", "key"], name="core_notification_once"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["message", "-created_at"], name="core_notification_latest"),  # example context
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient}"
