"""Which flipchart photos and notes the cohort's participants may open (000:L2703–2711, DOMAIN.md §9).

The rule, in one place: notes and photos that show nobody are shared with the cohort at once; a
photo that shows people is shared only when at least one person is tagged and every tagged person's
latest photo consent is yes (`core.services.consent`). Withdrawing consent un-shares the photo at
once, because the rule is checked on every listing and download. The team always sees everything.
"""

from dataclasses import dataclass

from core.models import ConsentPurpose
from core.services.consent import people_with_consent
from feedback.models import MaterialTag, SessionMaterial


@dataclass
class MaterialState:
    material: SessionMaterial
    is_shared: bool
    #: Tagged people whose consent is missing, for the team's eyes only.
    waiting_for: list


def material_states(materials) -> list[MaterialState]:
    """Share state of each material, in two queries whatever the number of photos and people."""
    materials = list(materials)
    if not materials:
        return []
    tags = list(MaterialTag.objects.filter(material__in=materials).select_related("person"))
    consenting = people_with_consent([tag.person_id for tag in tags], ConsentPurpose.PHOTOS)
    tagged: dict[int, list] = {}
    for tag in tags:
        tagged.setdefault(tag.material_id, []).append(tag.person)
    states = []
    for material in materials:
        people = tagged.get(material.pk, [])
        waiting = [person for person in people if person.pk not in consenting]
        shared = not material.shows_people or (bool(people) and not waiting)
        states.append(MaterialState(material=material, is_shared=shared, waiting_for=waiting))
    return states


def is_shared(material: SessionMaterial) -> bool:
    return material_states([material])[0].is_shared
