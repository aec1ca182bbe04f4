"""First wording for each consent purpose. The seeds' consent forms (000 Appendix 7, L7958-7964) are
images with no text, so these words are ours; programme admins add new versions in the admin."""

from core.models import ConsentPurpose, ConsentWording

FIRST_WORDING = {
    ConsentPurpose.RESEARCH: (
        "Can we use your answers to evaluation forms and reflections, without your name, to find out how "
        "well the training works and to improve it? Nobody outside the programme will see your name."
    ),
    ConsentPurpose.PHOTOS: (
        "Can we share photos taken during the training, such as photos of flipcharts, that might show you "
        "or your writing, with the other people on your course?"
    ),
    ConsentPurpose.STORY: (
        "Can trainers share the story of your family or your work that you tell during the training, "
        "without names, to help other people learn? You choose what you tell."
    ),
}


def ensure_consent_wording(out) -> None:
    for purpose, text in FIRST_WORDING.items():
        if not ConsentWording.objects.filter(purpose=purpose).exists():
            ConsentWording.objects.create(purpose=purpose, text=text)
    out.step("consent wording for each purpose")
