from .geography import LocalAuthority, Region
from .notifications import Notification
from .pages import HomePage, StandardPage
from .users import User

__all__ = ["HomePage", "LocalAuthority", "Notification", "Region", "StandardPage", "User"]
