"""StreamField blocks shared by every app's pages."""

from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    """A boxed note, e.g. 'Parent carers are welcome' on public pages."""

    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "core/blocks/callout.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=["h3", "bold", "italic", "link", "ul", "ol", "document-link"])
    callout = CalloutBlock()
