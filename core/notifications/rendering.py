"""Which templates a message is rendered from, and the check an edited version must pass (issue #7
point 2, issue #19 point 5, issue #22).

A programme admin's edited version (`MessageTemplate`) wins over the files. Both are rendered by the
restricted `MessageEngine` with safe values only (`core.notifications.safe`). The result is then
put in the one layout every email shares (templates/email/layout/), which adds the sender's sign-off
and gives every email an HTML part and a plain-text part.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template import Context
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from core.models import MessageTemplate, Notification
from core.notifications.context import ObjectGone, describe, thaw
from core.notifications.engine import check_tags, message_engine, sending_engine
from core.notifications.registry import MessageType
from core.notifications.safe import safe_context, safe_value
from core.notifications.samples import SampleContext
from core.notifications.senders import TEAM

logger = logging.getLogger(__name__)

#: The form's field for each part, and its file under templates/email/<folder>/.
FILES = {"subject": "subject.txt", "body_text": "body.txt", "body_html": "body.html"}
#: How many recent messages are tried for an example whose objects all still exist.
EXAMPLE_CANDIDATES = 5


@dataclass(frozen=True)
class Rendered:
    subject: str
    body_text: str
    body_html: str


def _file_templates(message_type: MessageType) -> dict:
    engine = sending_engine()
    templates = {}
    for part, filename in FILES.items():
        try:
            templates[part] = engine.get_template(f"{message_type.template_folder}/{filename}")
        except TemplateDoesNotExist:
            if part != "body_html":
                raise
            templates[part] = None
    return templates


def default_sources(message_type: MessageType) -> dict[str, str]:
    """The files' text, where "back to the default" goes; no body.html gives an empty HTML part."""
    return {part: template.source if template else "" for part, template in _file_templates(message_type).items()}


def current_sources(message_type: MessageType) -> tuple[dict[str, str], MessageTemplate | None]:
    edited = MessageTemplate.objects.filter(message=message_type.name).first()
    if edited is None:
        return default_sources(message_type), None
    return {part: getattr(edited, part) for part in FILES}, edited


def _in_layout(parts: dict[str, str], context: dict) -> Rendered:
    """The message's own words inside the shared layout, with the sign-off of who sent it."""
    body_text = parts["body_text"].strip()
    body_html = parts.get("body_html") or html_from_text(body_text)  # both already escaped: SafeString
    layout = {"sender": context.get("sender") or safe_value(TEAM), "subject": " ".join(parts["subject"].split())}
    return Rendered(
        subject=layout["subject"],
        body_text=render_to_string("email/layout/body.txt", {**layout, "content": body_text}),
        body_html=render_to_string("email/layout/body.html", {**layout, "content": body_html}),
    )


def _fill(part: str, template, context: dict) -> str:
    """Only the HTML part is HTML: the subject and plain text are not escaped (`O'Brien`, not `O&#x27;Brien`)."""
    return template.render(Context(context, autoescape=part == "body_html"))


def _edited_templates(edited: MessageTemplate) -> dict | None:
    """The edit's templates, or None when it cannot be used (saved before tags were restricted)."""
    engine = sending_engine()
    try:
        for part in FILES:
            check_tags(getattr(edited, part))
        return {part: engine.from_string(getattr(edited, part)) for part in FILES if getattr(edited, part)}
    except (ValidationError, TemplateSyntaxError):
        logger.error("The edited templates of %s cannot be used; the shipped text is used instead.", edited.pk)
        return None


def render_message(message_type: MessageType, context: dict) -> Rendered:
    """The edited version when there is one (and it can be used), else the files."""
    edited = MessageTemplate.objects.filter(message=message_type.name).first()
    templates = (_edited_templates(edited) if edited else None) or _file_templates(message_type)
    context = safe_context(context)
    parts = {part: _fill(part, template, context) for part, template in templates.items() if template}
    return _in_layout(parts, context)


def html_from_text(text: str) -> str:
    """Every character escaped, blank lines as paragraphs, line breaks kept, web addresses as links."""
    return mark_safe(linebreaks(urlize(text.strip(), autoescape=True)))  # noqa: S308 - urlize escaped it all


def example_context(message_type: MessageType) -> dict | None:
    """The context of the latest message of this kind whose objects all still exist, with its
    recipient, as the safe values the templates are given."""
    recent = Notification.objects.filter(message=message_type.name).exclude(context={}).select_related("recipient")
    for notification in recent.order_by("-created_at", "-pk")[:EXAMPLE_CANDIDATES]:
        try:
            return safe_context({**thaw(notification.context), "recipient": notification.recipient})
        except ObjectGone:
            continue
    return None


class _Unknown(str):
    """Django's `string_if_invalid`: records each variable the template names that is not there."""

    def __new__(cls):
        unknown = super().__new__(cls, "%s")
        unknown.names = []
        return unknown

    def __mod__(self, name):
        self.names.append(str(name))
        return ""


def check_sources(message_type: MessageType, sources: dict[str, str]) -> Rendered | None:
    """Raise ValidationError per part for a syntax error, a failing render or an unknown variable or
    attribute (as far as Django can tell: `{% if %}` and `{% for %}` ignore unknown names). Returns
    the preview, or None when no message of this kind has been sent yet to check it against."""
    unknown = _Unknown()
    engine = message_engine(string_if_invalid=unknown)
    errors, templates = {}, {}
    for part, source in sources.items():
        if part != "body_html" and not source.strip():
            errors[part] = "This part cannot be empty."
            continue
        try:
            check_tags(source)
            templates[part] = engine.from_string(source) if source else None
        except ValidationError as error:
            errors[part] = error.messages[0]
        except TemplateSyntaxError as error:
            errors[part] = f"The template has a mistake: {error}"
    if errors:
        raise ValidationError(errors)
    context = example_context(message_type)
    if context is None:
        return None
    rendered, errors = {}, {}
    for part, template in templates.items():
        del unknown.names[:]
        try:
            rendered[part] = _fill(part, template, context) if template else ""
        except Exception as error:  # noqa: BLE001 - any failure to render is the template's mistake to report
            errors[part] = f"The template could not be filled in with a real message's details: {error}"
            continue
        if unknown.names:
            names = ", ".join(sorted(set(unknown.names)))
            errors[part] = f"These are not among the available variables (or have no such detail): {names}."
    if errors:
        raise ValidationError(errors)
    return _in_layout(rendered, context)


def sample_preview(sources: dict[str, str]) -> Rendered:
    """A message never sent yet: `sources` (checked by `check_sources`) filled in with sample values
    naming what would be there, so a preview shows nothing of anyone (issue #22 point 4)."""
    engine = message_engine()
    context = SampleContext(sender=safe_value(TEAM))
    parts = {part: _fill(part, engine.from_string(source), context) for part, source in sources.items() if source}
    return _in_layout(parts, context)


def variables(message_type: MessageType) -> list[tuple[str, str]]:
    """(name, what it holds) of each variable a real message of this kind was given."""
    context = example_context(message_type)
    return sorted((name, describe(value)) for name, value in (context or {}).items())
