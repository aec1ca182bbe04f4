"""The platform extends Wagtail and Django only through their public names (CONVENTIONS.md,
"Framework and speed"; issue #20): no class of ours overrides a name starting with an underscore
that a framework class it inherits from defines, and no template tag library of the frameworks has
a tag or filter of ours put into it."""

import ast
import importlib
import inspect
import pkgutil
import sys
import textwrap
from pathlib import Path

import pytest
from django.template import engines

from tests.project import BASE_DIR, local_apps

#: Underscored names a framework's documentation tells projects to set: snippets with revisions
#: declare `_revisions` (docs.wagtail.org, "Saving revisions of snippets").
DOCUMENTED = {"_revisions"}

FRAMEWORKS = ("django", "wagtail", "allauth", "import_export", "modelcluster", "taggit", "django_tasks")


def _is_framework(module_name: str) -> bool:
    return module_name.split(".")[0] in FRAMEWORKS


def _is_ours(module_name: str) -> bool:
    """A module of this repository (the apps, their tests), not an installed package."""
    file = getattr(sys.modules.get(module_name), "__file__", None)
    return bool(file) and "site-packages" not in file and BASE_DIR in Path(file).resolve().parents


def project_modules():
    """Every module of the platform's apps, tests and migrations left out."""
    for config in local_apps():
        package = importlib.import_module(config.name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{config.name}."):
            if ".tests" in info.name or ".migrations" in info.name:
                continue
            yield importlib.import_module(info.name)


def project_classes():
    for module in project_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                yield cls


def names_we_set(cls) -> set[str]:
    """What the class body of ours sets: its functions (methods, properties) and, from its source,
    its assignments; not what a framework's metaclass adds (`_meta`, managers)."""
    names = set()
    for name, value in vars(cls).items():
        function = getattr(value, "fget", None) or getattr(value, "func", None) or getattr(value, "__func__", value)
        if inspect.isfunction(function) and _is_ours(function.__module__):
            names.add(name)
    try:
        body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0].body
    except (OSError, TypeError):  # made with type(): its functions are all there is to check
        return names
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names


def underscored_overrides(cls) -> list[str]:
    """Names like `_x` (not `__x__`) this class sets that a framework class in its ancestry defines."""
    framework_bases = [base for base in cls.__mro__[1:] if _is_framework(base.__module__)]
    return [
        f"{cls.__module__}.{cls.__qualname__}.{name} (from {base.__module__}.{base.__qualname__})"
        for name in sorted(names_we_set(cls))
        if name.startswith("_") and not name.startswith("__") and name not in DOCUMENTED
        for base in framework_bases
        if name in vars(base)
    ]


def test_the_walk_finds_the_platforms_classes():
    names = {f"{cls.__module__}.{cls.__name__}" for cls in project_classes()}

    assert {"events.admin.viewsets.CohortViewSet", "core.models.users.User"} <= names


def test_a_class_overriding_a_frameworks_underscored_name_is_found():
    from wagtail.admin.views.generic import IndexView
    from wagtail.admin.views.mixins import ExcelDateFormatter

    class OverridesAMethod(IndexView):
        def _get_title_column(self, field_name, column_class=None, **kwargs):
            return None

    class OverridesAnAttribute(ExcelDateFormatter):
        _formats = {}

    assert underscored_overrides(OverridesAMethod) == [
        f"{__name__}.{OverridesAMethod.__qualname__}._get_title_column"
        " (from wagtail.admin.views.generic.models.IndexView)"
    ]
    assert underscored_overrides(OverridesAnAttribute) == [
        f"{__name__}.{OverridesAnAttribute.__qualname__}._formats (from wagtail.admin.views.mixins.ExcelDateFormatter)"
    ]


def test_no_class_of_ours_overrides_a_frameworks_underscored_name():
    found = [override for cls in project_classes() for override in underscored_overrides(cls)]

    assert found == []


def tags_of_ours_in_framework_libraries(kind: str) -> list[str]:
    """Tags (or filters) whose function is ours, in a library a framework ships."""
    engine = engines["django"].engine
    return [
        f"{{% load {name} %}} {tag}: {inspect.unwrap(function).__module__}"
        for name, library in engine.template_libraries.items()
        if _is_framework(engine.libraries[name])
        for tag, function in getattr(library, kind).items()
        if _is_ours(inspect.unwrap(function).__module__)
    ]


def test_a_tag_of_ours_put_into_a_framework_library_is_found():
    from wagtail.admin.templatetags import wagtailadmin_tags

    def sidebar_props(context):
        return ""

    wagtailadmin_tags.register.simple_tag(sidebar_props, takes_context=True, name="our_sidebar_props")
    try:
        found = tags_of_ours_in_framework_libraries("tags")
    finally:
        del wagtailadmin_tags.register.tags["our_sidebar_props"]

    assert found == [f"{{% load wagtailadmin_tags %}} our_sidebar_props: {__name__}"]


@pytest.mark.parametrize("kind", ["tags", "filters"])
def test_no_framework_template_library_holds_a_tag_of_ours(kind):
    assert tags_of_ours_in_framework_libraries(kind) == []
