"""Admin menus for the reference snippets, and the gate on trainer documents."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.access import is_trainer_document, refuse_trainer_material
from courses.models import (
    GlossaryTerm,
    KeyWorkingFunction,
    KeyWorkingFunctionArea,
    LearningOutcome,
    PersonSpecificationCriterion,
    Principle,
    Resource,
)


@hooks.register("before_serve_document", order=-1)
def refuse_trainer_documents(document, request):
    """Runs before Wagtail's own collection check so signed-in participants get a 403, not a login loop."""
    if is_trainer_document(document):
        return refuse_trainer_material(request)
    return None


def _viewset(snippet_model, columns, *, search, filters=(), icon="snippet"):
    return type(
        f"{snippet_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": snippet_model,
            "icon": icon,
            "list_display": list(columns) + ["is_placeholder"],
            "list_filter": list(filters) + ["is_placeholder"],
            "search_fields": list(search),
            "inspect_view_enabled": True,
        },
    )


class ProgrammeReferenceGroup(SnippetViewSetGroup):
    """The reference content the central team maintains (issue #3, point 4)."""

    menu_label = "Programme reference"
    menu_icon = "doc-full"
    menu_order = 210
    items = (
        _viewset(Principle, ["number", "text"], search=["text"], icon="list-ol"),
        _viewset(
            LearningOutcome, ["programme", "number", "text"], search=["text"], filters=["programme"], icon="success"
        ),
        _viewset(KeyWorkingFunctionArea, ["number", "name"], search=["name"], icon="group"),
        _viewset(KeyWorkingFunction, ["letter", "text", "area"], search=["text"], filters=["area"], icon="group"),
        _viewset(Resource, ["name", "description"], search=["name", "description"], icon="folder-open-inverse"),
        _viewset(GlossaryTerm, ["term", "definition"], search=["term", "definition"], icon="help"),
        _viewset(
            PersonSpecificationCriterion,
            ["applies_to", "number", "text"],
            search=["text"],
            filters=["applies_to"],
            icon="user",
        ),
    )


register_snippet(ProgrammeReferenceGroup)
