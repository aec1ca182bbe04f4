"""StreamField blocks for course content: activities inside sections, answers inside questions."""

from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import BodyBlock
from courses.access import is_trainer_document
from courses.models.base import Flexibility


class ActivityBlock(blocks.StructBlock):
    """An activity in a section (000:L7085–7094): number, aims, time, grouping, prompt and materials.

    Activities start as adaptable: the trainers' guides are guidance, not constraints, and trainers
    adapt activities to the group while keeping the sequence (000:L2094–2104, L4528–4540).

    Trainers' notes and slides are trainer material: the template shows them only to people who may
    see it (courses.access), and they are left out of the search index (`search_index=False`, and
    chooser blocks index nothing).
    """

    number = blocks.RegexBlock(
        regex=r"^\d+\.\d+$",
        max_length=10,
        help_text="Section number, a dot, then the activity's number in the section, e.g. 2.2.",
        error_messages={"invalid": "Write the number like 2.2."},
    )
    title = blocks.CharBlock(max_length=200)
    flexibility = blocks.ChoiceBlock(choices=Flexibility.choices, default=Flexibility.ADAPTABLE)
    aims = blocks.ListBlock(blocks.CharBlock(max_length=300), default=[])
    planned_minutes = blocks.IntegerBlock(required=False, min_value=1, max_value=330)
    grouping = blocks.CharBlock(
        required=False, max_length=200, help_text="How people work, e.g. 4 new groups (numbers assigned by trainer)."
    )
    group_count = blocks.IntegerBlock(required=False, min_value=1, max_value=20)
    prompt = blocks.RichTextBlock(features=["bold", "italic", "ul", "ol"], required=False)
    activity_sheets = blocks.ListBlock(
        DocumentChooserBlock(), default=[], help_text="Sheets participants use; they can print them."
    )
    slides = blocks.ListBlock(
        DocumentChooserBlock(), default=[], help_text="Trainer material: choose from the Trainer materials collection."
    )
    trainer_notes = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "ol", "link", "document-link"],
        required=False,
        search_index=False,
        # 000:L2196–2198
        help_text="Only trainers and staff see these notes.",
    )
    seed_reference = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "clipboard-list"
        template = "courses/blocks/activity.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if any(not is_trainer_document(document) for document in value["slides"]):
            errors["slides"] = ErrorList(["Slides are trainer material: put them in the Trainer materials collection."])
        if any(is_trainer_document(document) for document in value["activity_sheets"]):
            errors["activity_sheets"] = ErrorList(
                ["Participants cannot open documents in the Trainer materials collection; move the sheet out of it."]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class SectionBodyBlock(BodyBlock):
    activity = ActivityBlock()


class AnswerChoiceBlock(blocks.StructBlock):
    """One answer to a multiple-choice question; its block id is the answer's stable identifier."""

    text = blocks.CharBlock(max_length=300)
    is_correct = blocks.BooleanBlock(required=False)
    feedback = blocks.TextBlock(required=False, help_text="What a reader sees after choosing this answer.")

    class Meta:
        icon = "tick"
