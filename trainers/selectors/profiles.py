"""The signed-in person's own trainer record, read once per request (issue #8).

A trainer's page asks for it several times: the view, the trainer navigation, the dashboard panel.
It is kept on the request, never across requests, so a change to the record shows on the next page.
"""

from trainers.models import TrainerProfile

#: What every page about a trainer's record names with it: who, where, and their mentor.
WHERE_AND_MENTOR = ("region", "mentor")
PROFILE_RELATIONS = ("person", *WHERE_AND_MENTOR)

_NOT_READ = object()


def own_trainer_profile(request) -> TrainerProfile | None:
    """The person's `TrainerProfile` with their region and mentor (one query, the first time in a
    request; the person is the signed-in user, not read again), or None for someone with no trainer
    record or not signed in.

    Any app's view or template tag given the request reuses it:
    `from trainers.selectors.profiles import own_trainer_profile`."""
    profile = getattr(request, "_own_trainer_profile", _NOT_READ)
    if profile is _NOT_READ:
        user = request.user
        # One row at most: no ordering, as the default one (by surname) would join the person again.
        profile = (
            TrainerProfile.objects.select_related(*WHERE_AND_MENTOR).filter(person=user).order_by().first()
            if user.is_authenticated
            else None
        )
        if profile is not None:
            profile.person = user
        request._own_trainer_profile = profile
    return profile
