"""Trainer-only pages: the Introduction for Trainers and each day's trainers' guide (000:L2067–2077, L1996–2002)."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from courses.access import is_trainer_document, refuse_trainer_material
from courses.models.base import SeedSourced


class TrainerGuidePage(SeedSourced, Page):
    """Never served to participants or anonymous visitors, and left out of their search results.

    The rule is `courses.access`; `trainer_only` is how search and listings recognise this type.
    """

    trainer_only = True

    summary = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)
    guide_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The guide as a file, from the Trainer materials collection.",
    )
    read_before_every_delivery = models.BooleanField(
        default=False,
        help_text="The Introduction for Trainers must be read before delivering and revisited before "
        # 000:L2071–2077
        "every later delivery.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("guide_document"),
        FieldPanel("read_before_every_delivery"),
        MultiFieldPanel([FieldPanel("seed_reference"), FieldPanel("is_placeholder")], heading="Source"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["courses.ProgrammePage", "courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "trainer guide page"

    def clean(self):
        super().clean()
        if self.guide_document and not is_trainer_document(self.guide_document):
            raise ValidationError({"guide_document": "Put the guide in the Trainer materials collection first."})

    def serve(self, request, *args, **kwargs):
        return refuse_trainer_material(request) or super().serve(request, *args, **kwargs)
