"""When each scheduled command last ran (core.scheduling): a restarted scheduler does not run a daily
job twice, two schedulers never run the same job at once, and the last outcome is kept."""

from django.db import models


class ScheduledRun(models.Model):
    command = models.CharField(max_length=100, unique=True, help_text="A management command's name.")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True, help_text="What the command printed, or why it failed.")

    class Meta:
        ordering = ["command"]

    def __str__(self) -> str:
        return self.command
