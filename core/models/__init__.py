from .geography import LocalAuthority, Region
from .pages import HomePage, StandardPage
from .users import User

__all__ = ["HomePage", "LocalAuthority", "Region", "StandardPage", "User"]
