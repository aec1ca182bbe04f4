"""Readings before and between the days, with questions to check and enhance learning (000:L2308–2330).

Readings were often skipped (000:L898–904), so a later issue tracks each participant's progress.
That needs identifiers that survive editing: items and questions are real rows (ForeignKey to
them), and each multiple-choice answer is a StreamField block whose id never changes.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.access import visible_pages
from courses.blocks import AnswerChoiceBlock
from courses.models.base import WRITTEN, SeedSourced

SOURCE_PANEL = MultiFieldPanel([FieldPanel("seed_reference"), FieldPanel("is_placeholder")], heading="Source")


class ReadingPage(SeedSourced, Page):
    class Kind(models.TextChoices):
        PRE_READING = "pre", "Pre-reading (before Day 1)"
        INTERIM = "interim", "Interim reading (between Day 1 and Day 2)"
        T4T_PRE_READING = "t4t", "Training for Trainers pre-reading"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    summary = models.TextField(blank=True, help_text="In plain English, for parent carers and newcomers.")
    summary_reviewed = models.BooleanField(
        "summary checked by the central team",
        default=False,
        help_text="The first summaries were written from the research. Tick this once the central team has checked it.",
    )
    intro = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("summary_reviewed"),
        FieldPanel("intro"),
        InlinePanel("items", heading="What to read", label="Reading item"),
        InlinePanel("questions", heading="Questions to check and enhance learning", label="Question"),
        SOURCE_PANEL,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.RelatedFields(
            "items", [index.SearchField("title"), index.SearchField("summary"), index.SearchField("body")]
        ),
    ]

    parent_page_types = ["courses.ProgrammePage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reading_context(self, request.user))
        return context


class ReadingItem(SeedSourced, Orderable):
    """One thing to read. Its primary key is the stable identifier reading progress points at."""

    reading = ParentalKey(ReadingPage, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="In plain English.")
    body = RichTextField(features=["h3", "bold", "italic", "link", "ul", "ol", "document-link"], blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="A page to read, such as a trainers' guide (shown only to people who may open it).",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("document"),
        PageChooserPanel("page"),
        FieldPanel("seed_reference"),
        FieldPanel("is_placeholder"),
    ]

    def __str__(self) -> str:
        return self.title


class ReadingQuestion(SeedSourced, Orderable):
    """A multiple-choice question with feedback, or a free-text reflection (issue #3, point 3)."""

    class Kind(models.TextChoices):
        MULTIPLE_CHOICE = "choice", "Multiple choice, with feedback"
        REFLECTION = "reflection", "Reflection (free text)"

    reading = ParentalKey(ReadingPage, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MULTIPLE_CHOICE)
    prompt = models.TextField()
    choices = StreamField([("choice", AnswerChoiceBlock())], blank=True, help_text="For multiple choice only.")

    panels = [
        FieldPanel("kind"),
        FieldPanel("prompt"),
        FieldPanel("choices"),
        FieldPanel("seed_reference"),
        FieldPanel("is_placeholder"),
    ]

    def __str__(self) -> str:
        return self.prompt

    def clean(self):
        """Multiple choice needs two answers and a right one; a reflection has none to choose from."""
        super().clean()
        answers = [choice.value for choice in self.choices]
        if self.kind == self.Kind.REFLECTION:
            if answers:
                raise ValidationError({"choices": "A reflection question has no answers to choose from."})
        elif len(answers) < 2:
            raise ValidationError({"choices": "Give at least two answers to choose from."})
        elif not any(answer["is_correct"] for answer in answers):
            raise ValidationError({"choices": "Mark at least one answer as correct."})


def reading_context(reading, user) -> dict:
    """Items paired with the page they point to, when this person may open it (trainers' guides may not)."""
    items = list(reading.items.select_related("document", "page"))
    linked_ids = [item.page_id for item in items if item.page_id]
    visible_ids = set(visible_pages(Page.objects.filter(pk__in=linked_ids), user).values_list("pk", flat=True))
    return {
        "items": [(item, item.page if item.page_id in visible_ids else None) for item in items],
        "questions": list(reading.questions.filter(WRITTEN)),
        "questions_to_come": reading.questions.exclude(WRITTEN).exists(),
    }
