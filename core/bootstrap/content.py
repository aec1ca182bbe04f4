"""Words for the pages every installation starts with. Editors change them in the CMS afterwards."""

SITE_NAME = "Early Support Key Working training"
HOME_TITLE = "Early Support Key Working training"
HOME_INTRO = (
    "<p>A free two-day course for everyone who supports disabled children and young people, "
    "and children and young people with special educational needs, and their families: "
    "practitioners from health, social care, education and the voluntary sector, "
    "and parent carers and young people themselves.</p>"
)


def _section(heading: str, *paragraphs: str) -> list[dict]:
    return [{"type": "heading", "value": {"text": heading, "level": "h2"}}] + [
        {"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs
    ]


ACCESSIBILITY_BODY = (
    _section(
        "Using this website",
        "We want as many people as possible to be able to use this website. You should be able to "
        "zoom in to 400% without text spilling off the screen, move through every page using just a "
        "keyboard, and use every page with a screen reader.",
        "Pages work without JavaScript. Every page can be printed, and course materials can be printed "
        "or saved as PDF so you do not have to read them on screen.",
    )
    + _section(
        "How accessible this website is",
        "We aim to meet the Web Content Accessibility Guidelines version 2.2 to level AA. We test every "
        "page automatically for accessibility problems each time the website changes.",
    )
    + _section(
        "If you have a problem",
        "If something on this website does not work for you, or you need information in a different "
        "format, contact your Regional Facilitator or the central Early Support team. Tell us the web "
        "address of the page and what went wrong.",
    )
)

PRIVACY_BODY = (
    _section(
        "What we collect",
        "When you create an account we keep your name and email address. When you register for a "
        "course we keep what you tell us on the form, such as your organisation, your role and any "
        "access or support needs, so that trainers can plan the course and make it work for you.",
        "Some answers can say something about disability or your family. We only ask for them to run "
        "the course, we only show them to the people who need them, and equality monitoring questions "
        "are always optional.",
    )
    + _section(
        "Your choices",
        "You choose separately whether your answers may be used for research and evaluation, whether "
        "photos may include you, and whether your story may be shared. You can change your mind at any "
        "time.",
        "You can ask for a copy of everything we hold about you, and you can ask us to delete it.",
    )
    + _section(
        "How long we keep it",
        "We keep course records for a set period after a course ends and then remove the details that "
        "identify you, keeping only totals.",
    )
)

FOOTER_PAGES = [
    ("accessibility", "Accessibility statement", "<p>How you can use this website.</p>", ACCESSIBILITY_BODY),
    ("privacy", "Privacy notice", "<p>What we keep about you, why, and your choices.</p>", PRIVACY_BODY),
]
