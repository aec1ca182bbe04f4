"""The document collection that holds trainer material, restricted to the roles that may see it."""

from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from courses.access import TRAINER_MATERIAL_ROLES

TRAINER_COLLECTION_NAME = "Trainer materials"


def ensure_trainer_collection(out) -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=TRAINER_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=TRAINER_COLLECTION_NAME)
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[role.value for role in TRAINER_MATERIAL_ROLES]))
    out.step(f"“{collection.name}” document collection, open to {', '.join(r.label for r in TRAINER_MATERIAL_ROLES)}")
    return collection
