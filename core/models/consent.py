"""Consent per purpose, with the exact wording the person agreed to (DOMAIN.md §9, 000 Appendix 7).

Decisions are never edited: giving, refusing or withdrawing consent adds a row, so the history of
what someone agreed to, when, and in which words, is kept. Wording is never edited either: a new
version is added and later decisions point at it.
"""

from django.conf import settings
from django.db import models


class ConsentPurpose(models.TextChoices):
    RESEARCH = "research", "Research and evaluation"
    PHOTOS = "photos", "Photos"
    STORY = "story", "Sharing my story"


class ConsentWording(models.Model):
    purpose = models.CharField(max_length=10, choices=ConsentPurpose.choices)
    text = models.TextField(help_text="What the person is asked, in plain words.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["purpose", "-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.created_at:%d %b %Y})"


class ConsentDecisionQuerySet(models.QuerySet):
    def current_for(self, person) -> dict[str, "ConsentDecision"]:
        """The latest decision per purpose for one person (one query)."""
        latest = {}
        for decision in self.filter(person=person).select_related("wording").order_by("recorded_at", "pk"):
            latest[decision.purpose] = decision
        return latest


class ConsentDecision(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_decisions")
    purpose = models.CharField(max_length=10, choices=ConsentPurpose.choices)
    wording = models.ForeignKey(ConsentWording, on_delete=models.PROTECT, related_name="decisions")
    given = models.BooleanField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["person", "purpose", "recorded_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(purpose__in=ConsentPurpose.values), name="core_consent_purpose"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_purpose_display()} {'given' if self.given else 'not given'}"
