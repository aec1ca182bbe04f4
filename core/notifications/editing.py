"""Programme admins' edits of a message's templates (issue #7 point 2): checked, saved, logged."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.models import MessageTemplate, User
from core.notifications.registry import MessageType
from core.notifications.rendering import FILES, check_sources


@transaction.atomic
def message_template_save(*, message_type: MessageType, sources: dict[str, str], actor: User) -> MessageTemplate:
    """Refuses (ValidationError per part, nothing saved) a template with a mistake; see `check_sources`."""
    check_sources(message_type, sources)
    template, created = MessageTemplate.objects.update_or_create(
        message=message_type.name, defaults={part: sources[part] for part in FILES}
    )
    # The log entry keeps the version's words, so every version stays readable in the history (issue #22 point 4).
    log(
        instance=template,
        action="core.message_template.edit",
        user=actor,
        data={"created": created, "version": {part: sources[part] for part in FILES}},
    )
    return template


@transaction.atomic
def message_template_reset(*, message_type: MessageType, actor: User) -> None:
    """Back to the files: the edited version is removed (its history stays in the log)."""
    template = MessageTemplate.objects.filter(message=message_type.name).first()
    if template is not None:
        log(instance=template, action="core.message_template.reset", user=actor)
        template.delete()


def edit_history(message_type: MessageType, *, limit: int = 20):
    """Who changed this message's templates and when, newest first, from Wagtail's log."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(MessageTemplate), object_id=message_type.name
        )
        .select_related("user")
        .order_by("-timestamp")[:limit]
    )
