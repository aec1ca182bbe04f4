"""The signed-in person's own trainer record, read once per request (core.request_memo, issue #8):
a trainer's page asks for it several times (the view, the trainer navigation, the dashboard panel).
"""

from core.request_memo import once_per_request
from trainers.models import TrainerProfile

#: What every page about a trainer's record names with it: who, where, and their mentor.
WHERE_AND_MENTOR = ("region", "mentor")
PROFILE_RELATIONS = ("person", *WHERE_AND_MENTOR)


def own_trainer_profile(request) -> TrainerProfile | None:
    """The person's `TrainerProfile` with their region and mentor (one query, the first time in a
    request; the person is the signed-in user, not read again), or None for someone with no trainer
    record or not signed in.

    Any app's view or template tag given the request reuses it:
    `from trainers.selectors.profiles import own_trainer_profile`."""
    return once_per_request(request, "trainers:own-profile", lambda: _profile_of(request.user))


def _profile_of(user) -> TrainerProfile | None:
    if not user.is_authenticated:
        return None
    # One row at most: no ordering, as the default one (by surname) would join the person again.
    profile = TrainerProfile.objects.select_related(*WHERE_AND_MENTOR).filter(person=user).order_by().first()
    if profile is not None:
        profile.person = user
    return profile
