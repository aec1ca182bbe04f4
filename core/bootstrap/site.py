"""The Wagtail site, the home page and the pages every footer links to."""

from wagtail.models import Page, Site

from core.bootstrap import content
from core.models import HomePage, StandardPage


def ensure_site(out) -> None:
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migration leaves a placeholder "Welcome" page (and a site on it); ours replaces it.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=content.HOME_TITLE, slug="home", intro=content.HOME_INTRO))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, content.SITE_NAME
    site.save()
    for slug, title, intro, body in content.FOOTER_PAGES:
        if not StandardPage.objects.filter(slug=slug).exists():
            page = home.add_child(instance=StandardPage(title=title, slug=slug, intro=intro, body=body))
            page.save_revision().publish()
    out.step("site, home page, accessibility and privacy pages")
