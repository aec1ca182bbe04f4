"""A numbered section of a course day, holding its activities (000:L2371–2399, L2505–2529)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.access import can_see_trainer_material, visible_pages
from courses.blocks import SectionBodyBlock
from courses.models.base import Flexibility, SeedSourced


class SectionPageForm(WagtailAdminPageForm):
    """A course cannot have two sections with the same number."""

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number is not None and self.parent_page is not None:
            clash = SectionPage.objects.child_of(self.parent_page).filter(number=number).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("number", f"This course already has a section {number}.")
        return cleaned_data


class SectionPage(SeedSourced, Page):
    """Sections keep the day's sequence, so they are core unless marked adaptable (000:L4528–4540).

    The body's activity blocks carry trainers' notes; the search index leaves them out and the
    template shows them only when `courses.access` allows.
    """

    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(20)])
    planned_minutes = models.PositiveSmallIntegerField(
        blank=True, null=True, validators=[MinValueValidator(1), MaxValueValidator(600)], help_text="In minutes."
    )
    flexibility = models.CharField(max_length=10, choices=Flexibility.choices, default=Flexibility.CORE)
    is_key_working_content = models.BooleanField(
        "covers key working",
        default=False,
        # Day 2 Sections 2 and 3, 000:L4505–4507
        help_text="Tick for the sections where key working itself is taught.",
    )
    summary = models.TextField(blank=True, help_text="In plain English, for parent carers and newcomers.")
    summary_reviewed = models.BooleanField(
        "summary checked by the central team",
        default=False,
        help_text="The first summaries were written from the research. Tick this once the central team has checked it.",
    )
    aims = RichTextField(features=["bold", "italic", "ul", "ol"], blank=True)
    body = StreamField(SectionBodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("planned_minutes"), FieldPanel("flexibility")]),
        FieldPanel("is_key_working_content"),
        FieldPanel("summary"),
        FieldPanel("summary_reviewed"),
        FieldPanel("aims"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("seed_reference"), FieldPanel("is_placeholder")], heading="Source"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("aims"),
        index.SearchField("body"),
    ]

    base_form_class = SectionPageForm
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    @property
    def activities(self) -> list:
        return [block.value for block in self.body if block.block_type == "activity"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(section_context(self, request.user))
        return context


def section_context(section: SectionPage, user) -> dict:
    course = section.get_parent().specific
    siblings = list(visible_pages(SectionPage.objects.sibling_of(section), user).order_by("number"))
    index = next((i for i, sibling in enumerate(siblings) if sibling.pk == section.pk), None)
    return {
        "course": course,
        "previous_section": siblings[index - 1] if index else None,
        "next_section": siblings[index + 1] if index is not None and index + 1 < len(siblings) else None,
        "show_trainer_material": can_see_trainer_material(user),
    }
