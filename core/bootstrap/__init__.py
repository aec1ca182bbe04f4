"""Core's part of `manage.py bootstrap`: site, pages, roles, regions, demo people."""

from core.bootstrap import consent, demo_users, geography, roles, site


def run(out) -> None:
    site.ensure_site(out)
    roles.ensure_roles(out)
    geography.load_regions(out)
    consent.ensure_consent_wording(out)
    if out.demo:
        demo_users.ensure_demo_users(out)
