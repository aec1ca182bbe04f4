"""The answers a registration collects, in the words of the seed's participant form.

The lists follow 000 Appendix 6 (000:L7680–7957): the research tables of who came, how they heard,
their experience of Early Support and key working and their years with a child with additional
needs. Labels are written for parent carers as well as practitioners (DOMAIN.md §10).
"""

from django.db import models


class Sector(models.TextChoices):
    """The agencies a multi-agency cohort should mix (000:L2219–2229); a person may work in several."""

    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    EDUCATION = "education", "Education"
    VOLUNTARY = "voluntary", "Voluntary sector"
    PRIVATE = "private", "Private or independent sector"


class ApplyingAs(models.TextChoices):
    """One person can be both a professional and a parent (000:L758–762)."""

    PROFESSIONAL = "professional", "A practitioner: I work with children, young people or families"
    PARENT_CARER = "parent_carer", "A parent carer"
    BOTH = "both", "Both a parent carer and a practitioner"
    YOUNG_PERSON = "young_person", "A young person"
    FAMILY_MEMBER = "family_member", "Another family member or an advocate"


#: People who bring the family's point of view and need preparing before the course (DOMAIN.md §5).
FAMILY_SIDE = frozenset({ApplyingAs.PARENT_CARER, ApplyingAs.BOTH, ApplyingAs.YOUNG_PERSON, ApplyingAs.FAMILY_MEMBER})
#: A young person's part is planned in advance, which day and which activity (000:L3214–3218): the
#: step named from the start, before anything else of their preparation is recorded.
YOUNG_PERSON_PLAN = "a plan for which day and activity they take part in"
#: Counted as parent carers by the mix rule.
PARENT_CARERS = frozenset({ApplyingAs.PARENT_CARER, ApplyingAs.BOTH})


class OrganisationType(models.TextChoices):
    """The kinds of employer in the seed's "Company" table (000 Appendix 6)."""

    COUNCIL = "council", "Council or local authority"
    HEALTH = "health", "Health service or hospital"
    SCHOOL = "school", "School or college"
    EARLY_YEARS = "early_years", "Nursery, childcare or children's centre"
    CHARITY = "charity", "Charity or voluntary organisation"
    PRIVATE = "private", "Private or independent organisation"
    OTHER = "other", "Other"
    NONE = "none", "Not applicable: I am coming as a parent carer, young person or family member"


class WorkSetting(models.TextChoices):
    MAINSTREAM = "mainstream", "Mainstream"
    SPECIAL = "special", "Special (for example a special school)"
    NOT_APPLICABLE = "n/a", "Not applicable"


class Experience(models.TextChoices):
    """Experience of Early Support and key working; a mix of levels helps the group (000:L4464)."""

    NONE = "none", "None"
    LITTLE = "little", "A little"
    SOME = "some", "Some"
    SUBSTANTIAL = "substantial", "A lot"


class YearsExperience(models.TextChoices):
    NOT_APPLICABLE = "n/a", "Not applicable"
    NONE = "0", "None"
    UP_TO_5 = "1-5", "1 to 5 years"
    UP_TO_10 = "6-10", "6 to 10 years"
    UP_TO_15 = "11-15", "11 to 15 years"
    UP_TO_20 = "16-20", "16 to 20 years"
    UP_TO_25 = "21-25", "21 to 25 years"
    OVER_25 = "26+", "More than 25 years"


class Relation(models.TextChoices):
    NOT_APPLICABLE = "n/a", "Not applicable: I am coming as a practitioner"
    PARENT = "parent", "Parent (including adoptive, step or foster parent)"
    GRANDPARENT = "grandparent", "Grandparent"
    SIBLING = "sibling", "Brother or sister"
    OTHER_RELATIVE = "relative", "Another relative"
    SELF = "self", "I am the young person"
    OTHER = "other", "Other"


class HowHeard(models.TextChoices):
    WORK = "work", "At work or through work"
    COLLEAGUE = "colleague", "From a colleague"
    MANAGER = "manager", "From my employer or manager"
    ONLINE = "online", "Email, a website or social media"
    EARLY_SUPPORT = "early_support", "An Early Support coordinator or service"
    FACILITATOR = "facilitator", "A Regional Facilitator"
    MATERIALS = "materials", "Using Early Support materials"
    FAMILY_GROUP = "family_group", "A parent carer forum or family support group"
    OTHER = "other", "Somewhere else"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    SELF_DESCRIBED = "other", "I describe myself another way"
    UNDISCLOSED = "undisclosed", "I prefer not to say"


class AgeBand(models.TextChoices):
    UNDER_21 = "under21", "Under 21"
    FROM_21 = "21-30", "21 to 30"
    FROM_31 = "31-40", "31 to 40"
    FROM_41 = "41-50", "41 to 50"
    FROM_51 = "51-60", "51 to 60"
    OVER_60 = "61+", "Over 60"
    UNDISCLOSED = "undisclosed", "I prefer not to say"


class Ethnicity(models.TextChoices):
    """The ONS groups the seed's table uses (000 Appendix 6)."""

    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Another ethnic group"
    UNDISCLOSED = "undisclosed", "I prefer not to say"


class CancellationReason(models.TextChoices):
    """Why a cohort was cancelled, from a list so the fidelity dashboard can count them (issue #21).
    Cohorts were cancelled for too few registrations (000:L489–491); a cohort that cannot reach the
    multi-agency mix is another (000:L2219–2229)."""

    TOO_FEW = "too_few", "Too few registrations"
    VENUE = "venue", "A problem with the venue"
    TRAINER_UNAVAILABLE = "trainer_unavailable", "A trainer is not available"
    MIX_NOT_MET = "mix_not_met", "The mix of people could not be met"
    OTHER = "other", "Other"
