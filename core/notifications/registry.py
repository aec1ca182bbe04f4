"""The list of every message the platform can send, filled by each app's AppConfig.ready()."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MessageType:
    name: str
    label: str
    optional: bool = False
    description: str = ""

    @property
    def template_folder(self) -> str:
        """templates/email/<folder>/{subject.txt, body.txt, body.html}"""
        return "email/" + self.name.replace(".", "_")


_registry: dict[str, MessageType] = {}


def register_message(name: str, label: str, *, optional: bool = False, description: str = "") -> MessageType:
    """`optional` messages (reminders) are not sent to people who asked to stop optional reminders."""
    message_type = MessageType(name=name, label=label, optional=optional, description=description)
    _registry[name] = message_type
    return message_type


def get_message_type(name: str) -> MessageType:
    try:
        return _registry[name]
    except KeyError:
        raise ValueError(f"No message called {name!r} is registered.") from None


def message_types() -> list[MessageType]:
    return sorted(_registry.values(), key=lambda message_type: message_type.name)
