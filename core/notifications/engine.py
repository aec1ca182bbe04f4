"""The template engine every message is rendered with (issue #19 point 5, issue #22 point 4).

Programme admins edit message templates in the admin, so a template must not be able to reach
anything a message should not show: this engine knows only the tags and filters a message needs.
`{% debug %}`, `{% load %}`, `{% include %}`, `{% extends %}`, `{% csrf_token %}`, `{% url %}` and
the filters that turn escaping off (`safe`, `safeseq`) or print an object's insides (`pprint`) do
not exist here, and `{% autoescape off %}` is refused so the HTML part always escapes. The shipped
files under templates/email/ are rendered with it too, so "back to the default" always passes.
"""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Engine, Library, defaultfilters, defaulttags, engines
from django.template.base import Lexer, TokenType

#: The block tags a message may use (Django's own, not one of ours or re-registered).
ALLOWED_TAGS = frozenset(
    {
        "comment",
        "cycle",
        "filter",
        "firstof",
        "for",
        "if",
        "ifchanged",
        "now",
        "regroup",
        "resetcycle",
        "spaceless",
        "templatetag",
        "verbatim",
        "widthratio",
        "with",
    }
)
#: Filters that would let a template print unescaped HTML or an object's representation.
REFUSED_FILTERS = frozenset({"safe", "safeseq", "pprint"})
#: Words that continue or close an allowed tag.
_CONTINUATIONS = frozenset({"else", "elif", "empty"}) | {f"end{tag}" for tag in ALLOWED_TAGS}

register = Library()
register.tags = {name: defaulttags.register.tags[name] for name in ALLOWED_TAGS}
register.filters = {name: f for name, f in defaultfilters.register.filters.items() if name not in REFUSED_FILTERS}


class MessageEngine(Engine):
    """Django's engine with this module's `register` as its only built-in library and no others."""

    default_builtins = ["core.notifications.engine"]


def message_engine(**options) -> MessageEngine:
    """Finds files where the site's templates are (templates/email/…), with no template libraries."""
    base = engines["django"].engine
    return MessageEngine(dirs=base.dirs, loaders=base.loaders, libraries={}, debug=settings.DEBUG, **options)


@functools.cache
def sending_engine() -> MessageEngine:
    """One engine per process for sending, so its loaders keep the parsed files (not who may see what)."""
    return message_engine()


def refused_tags(source: str) -> list[str]:
    """The tags in `source` a message may not use, in the order they appear, each once."""
    refused = []
    for token in Lexer(source).tokenize():
        if token.token_type != TokenType.BLOCK or not token.contents.strip():
            continue
        name = token.split_contents()[0]
        if name not in ALLOWED_TAGS and name not in _CONTINUATIONS and name not in refused:
            refused.append(name)
    return refused


def check_tags(source: str) -> None:
    """A clear reason, before Django's own "Invalid block tag", for a tag messages cannot use."""
    refused = refused_tags(source)
    if refused:
        names = ", ".join(f"{{% {name} %}}" for name in refused)
        raise ValidationError(
            f"Messages cannot use {names}. They can use: {', '.join(sorted(ALLOWED_TAGS))}.", code="refused_tag"
        )
