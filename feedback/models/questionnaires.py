"""Reflective practice RP1–RP5 and the follow-up questionnaires (issue #6 points 5 and 6, DOMAIN.md §8).

The texts are the seed's (000 Appendix 5, L7419–7677; Appendix 4b, L7288–7353), loaded by
bootstrap and editable by the central team. Each prompt has a stable `key`; an entry's answers are
stored under those keys, so editing a prompt's wording keeps the answers already given.

Who reads an entry: always its author; a reflection only when submitted and shared with a named
trainer of their cohort, who may comment; a follow-up questionnaire, once sent, the central team
(it is the programme's follow-up, 000:L906–914).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class Questionnaire(ClusterableModel):
    class Kind(models.TextChoices):
        REFLECTION = "reflection", "Reflective practice"
        FOLLOW_UP = "follow_up", "Follow-up questionnaire"
        LONG_TERM = "long_term", "Long-term questionnaire"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(default=1, help_text="1 to 5 for Reflective Practice 1 to 5.")
    title = models.CharField(max_length=200)
    epigraph = models.TextField(blank=True, help_text="The quotation the reflection opens with.")
    epigraph_source = models.CharField(max_length=200, blank=True)
    introduction = models.TextField(blank=True)
    seed_reference = models.CharField(max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
        FieldPanel("title"),
        FieldPanel("epigraph"),
        FieldPanel("epigraph_source"),
        FieldPanel("introduction"),
        InlinePanel("prompts", heading="Questions", label="Question or text"),
        FieldPanel("seed_reference"),
    ]

    class Meta:
        ordering = ["kind", "number"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="feedback_questionnaire_unique")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_reflection(self) -> bool:
        return self.kind == self.Kind.REFLECTION


class QuestionnairePrompt(Orderable):
    class Kind(models.TextChoices):
        HEADING = "heading", "A heading"
        NOTE = "note", "Text to read (no answer)"
        TEXT = "text", "An answer in their own words"
        PAIR = "pair", "Two answers, a. and b."
        PAIR_PRINCIPLES = "pair_principles", "Link each of two answers to Early Support principles"
        PAIR_TOOLS = "pair_tools", "Choose course sessions as “tools” for each of two answers"
        FUNCTIONS = "functions", "Choose key working functions"

    class Shows(models.TextChoices):
        NOTHING = "", "Nothing"
        PRINCIPLES = "principles", "The ten Early Support principles"
        COURSE_TOPICS = "course_topics", "The course's Day one and Day two topics"
        FUNCTIONS = "functions", "The key working functions A–J"

    ANSWERED = (Kind.TEXT, Kind.PAIR, Kind.PAIR_PRINCIPLES, Kind.PAIR_TOOLS, Kind.FUNCTIONS)

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="prompts")
    key = models.SlugField(
        max_length=40, help_text="Answers are stored under this name: do not change it once people have answered."
    )
    label = models.CharField(max_length=20, blank=True, help_text="The number shown, e.g. 4.1")
    text = models.TextField()
    help_text = models.TextField(blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.TEXT)
    shows = models.CharField(max_length=16, choices=Shows.choices, blank=True, help_text="A list shown with it.")
    links_to = models.SlugField(
        max_length=40, blank=True, help_text="For links and tools: the key of the two answers they refer to."
    )
    required = models.BooleanField(default=True)
    about_a_family = models.BooleanField(
        "describes a family",
        default=False,
        help_text="Answers are checked for details that could identify the family.",  # DOMAIN.md §9
    )
    seed_reference = models.CharField(max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("label"), FieldPanel("kind")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("shows"), FieldPanel("links_to")]),
        FieldRowPanel([FieldPanel("required"), FieldPanel("about_a_family")]),
        FieldPanel("seed_reference"),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["questionnaire", "key"], name="feedback_prompt_key_unique")]

    def __str__(self) -> str:
        return f"{self.label} {self.text}".strip()

    @property
    def is_answered(self) -> bool:
        return self.kind in self.ANSWERED


class EntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EntryQuerySet":
        from events.access import manages_every_region

        if not user.is_authenticated:
            return self.none()
        allowed = Q(registration__person=user) | Q(status=QuestionnaireEntry.Status.SUBMITTED, shared_with=user)
        if manages_every_region(user):
            allowed |= Q(status=QuestionnaireEntry.Status.SUBMITTED) & ~Q(
                questionnaire__kind=Questionnaire.Kind.REFLECTION
            )
        return self.filter(allowed)

    def in_regions_of(self, user) -> "EntryQuerySet":
        """The admin's view: sent follow-ups in the user's regions; reflections never (they are private)."""
        from events.models import Cohort

        return self.filter(
            registration__cohort__in=Cohort.objects.in_regions_of(user), status=QuestionnaireEntry.Status.SUBMITTED
        ).exclude(questionnaire__kind=Questionnaire.Kind.REFLECTION)


class QuestionnaireEntry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Sent"

    registration = models.ForeignKey("events.Registration", on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="entries")
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    shared_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "questionnaire entries"
        constraints = [
            models.UniqueConstraint(fields=["registration", "questionnaire"], name="feedback_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} by {self.registration.person}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class EntryComment(models.Model):
    """A trainer's comment on a reflection shared with them, or the participant's reply."""

    entry = models.ForeignKey(QuestionnaireEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment by {self.author}"
