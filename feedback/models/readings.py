"""A participant's progress through their readings: each item read, each question answered (issue #6 point 1).

Several participants "didn't do the Pre or Interim readings" (000:L898–904), so progress is kept per
item and per answer, against the stable rows of `courses.ReadingItem` and `courses.ReadingQuestion`.
Progress belongs to the person, not to one registration: a reading done before a cancelled place
stays done when they come on another cohort.
"""

from django.conf import settings
from django.db import models


class ReadingItemProgress(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_progress")
    item = models.ForeignKey("courses.ReadingItem", on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "reading item read"
        constraints = [models.UniqueConstraint(fields=["person", "item"], name="feedback_item_read_once")]

    def __str__(self) -> str:
        return f"{self.person} read {self.item}"


class ReadingAnswer(models.Model):
    """The latest answer: a chosen answer (its StreamField block id) or the person's own words."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_answers")
    question = models.ForeignKey("courses.ReadingQuestion", on_delete=models.CASCADE, related_name="answers")
    choice_id = models.CharField(max_length=64, blank=True, help_text="The chosen answer's block id.")
    is_correct = models.BooleanField(null=True, help_text="Empty for a reflection.")
    text = models.TextField(blank=True)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "question"], name="feedback_answer_once")]

    def __str__(self) -> str:
        return f"{self.person}: {self.question}"

    def chosen(self) -> dict | None:
        """The chosen answer's text, rightness and feedback, when the choice still exists."""
        return next((block.value for block in self.question.choices if block.id == self.choice_id), None)
