"""Which templates a message is rendered from, and the check an edited version must pass (issue #7 point 2).

A programme admin's edited version (`MessageTemplate`) wins over the files; every email gets an HTML
body, built safely from the plain text when the message has no HTML template.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template import Context, Engine, engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.utils.html import linebreaks, urlize

from core.models import MessageTemplate, Notification
from core.notifications.context import ObjectGone, describe, thaw
from core.notifications.registry import MessageType

#: The form's field for each part, and its file under templates/email/<folder>/.
FILES = {"subject": "subject.txt", "body_text": "body.txt", "body_html": "body.html"}
#: How many recent messages are tried for an example whose objects all still exist.
EXAMPLE_CANDIDATES = 5


@dataclass(frozen=True)
class Rendered:
    subject: str
    body_text: str
    body_html: str


def _engine() -> Engine:
    return engines["django"].engine


def _file_templates(message_type: MessageType) -> dict:
    templates = {}
    for part, filename in FILES.items():
        try:
            templates[part] = _engine().get_template(f"{message_type.template_folder}/{filename}")
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


def _rendered(subject: str, body_text: str, body_html: str) -> Rendered:
    return Rendered(
        subject=" ".join(subject.split()), body_text=body_text, body_html=body_html or html_from_text(body_text)
    )


def _fill(part: str, template, context: dict) -> str:
    """Only the HTML part is HTML: the subject and plain text are not escaped (`O'Brien`, not `O&#x27;Brien`)."""
    return template.render(Context(context, autoescape=part == "body_html"))


def render_message(message_type: MessageType, context: dict) -> Rendered:
    """The edited version when there is one, else the files."""
    edited = MessageTemplate.objects.filter(message=message_type.name).first()
    if edited is None:
        templates = _file_templates(message_type)
    else:
        templates = {part: _engine().from_string(getattr(edited, part)) for part in FILES if getattr(edited, part)}
    parts = {part: _fill(part, template, context) for part, template in templates.items() if template}
    return _rendered(parts["subject"], parts["body_text"], parts.get("body_html", ""))


def html_from_text(text: str) -> str:
    """Every character escaped, blank lines as paragraphs, line breaks kept, web addresses as links."""
    return linebreaks(urlize(text.strip(), autoescape=True))


def example_context(message_type: MessageType) -> dict | None:
    """The context of the latest message of this kind whose objects all still exist, with its recipient."""
    recent = Notification.objects.filter(message=message_type.name).exclude(context={}).select_related("recipient")
    for notification in recent.order_by("-created_at", "-pk")[:EXAMPLE_CANDIDATES]:
        try:
            return {**thaw(notification.context), "recipient": notification.recipient}
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
    base = _engine()
    unknown = _Unknown()
    engine = Engine(
        dirs=base.dirs,
        loaders=base.loaders,
        libraries=base.libraries,
        builtins=base.builtins,
        autoescape=base.autoescape,
        string_if_invalid=unknown,
    )
    errors, templates = {}, {}
    for part, source in sources.items():
        if part != "body_html" and not source.strip():
            errors[part] = "This part cannot be empty."
            continue
        try:
            templates[part] = engine.from_string(source) if source else None
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
    return _rendered(rendered["subject"], rendered["body_text"], rendered["body_html"])


def variables(message_type: MessageType) -> list[tuple[str, str]]:
    """(name, what it holds) of each variable a real message of this kind was given."""
    context = example_context(message_type)
    return sorted((name, describe(value)) for name, value in (context or {}).items())
