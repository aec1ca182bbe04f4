"""Admin permission policies every app's viewsets share."""

from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Records only services (or the scheduler) write: the admin shows them, never a generic form to
    add, change or delete them; state changes are the apps' own action views."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)
