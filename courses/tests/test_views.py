"""What course pages show to the people who read them (issue #3, points 1, 2 and 7)."""

from courses.models import CourseLearningOutcome, CoursePage, CourseReading, GlossaryTerm
from courses.tests import factories


def test_the_programme_page_shows_the_sequence_outcomes_and_where_key_working_sits(client, programme):
    pre = factories.ReadingPageFactory(parent=programme, title="Pre-reading: before Day 1")
    interim = factories.ReadingPageFactory(parent=programme, title="Interim reading", kind="interim")
    day1 = factories.CoursePageFactory(parent=programme, title="Day 1 – Principles")
    CourseReading.objects.create(course=day1, reading=pre)
    for variant, title in (("kwip", "Day 2 – Key Working in Practice"), ("wip", "Day 2 – Working in Partnership")):
        day2 = factories.CoursePageFactory(parent=programme, title=title, kind="day2", variant=variant)
        CourseReading.objects.create(course=day2, reading=interim)
    kwip = CoursePage.objects.get(variant="kwip")
    factories.SectionPageFactory(parent=kwip, number=3, title="Key working functions", is_key_working_content=True)
    factories.LearningOutcomeFactory(text="Understand key working functions")

    html = client.get(programme.url).content.decode()

    order = [
        html.index(text)
        for text in ("Pre-reading: before Day 1", "Day 1 – Principles", "Interim reading", "Choose one")
    ]
    assert order == sorted(order)
    assert "Day 2 – Working in Partnership" in html
    assert "Day 2 – Key Working in Practice, Section 3: Key working functions" in html
    assert "Understand key working functions" in html
    assert "5½ hours of learning" in html


def test_a_course_page_tells_a_newcomer_what_they_need(client, course, section):
    course.who_is_it_for = "<p>Parent carers are very welcome.</p>"
    course.save()
    outcome = factories.LearningOutcomeFactory(text="Explain partnership working")
    CourseLearningOutcome.objects.create(course=course, outcome=outcome)
    placeholder = factories.SectionPageFactory(parent=course, number=3, title="To be written", is_placeholder=True)

    html = client.get(course.url).content.decode()

    assert "Parent carers are very welcome." in html
    assert "Explain partnership working" in html
    assert "One day, 5½ hours of learning" in html
    assert section.title in html and "20 minutes" not in html
    assert "45 minutes" in html
    assert placeholder.title not in html and "1 more section is being written." in html


def test_a_section_shows_its_activities_for_everyone(client, section):
    html = client.get(section.url).content.decode()

    assert "Section 2: Early Support and key working" in html
    assert "Activity 2.2: What is key working" in html
    assert "20 minutes" in html and "4 new groups" in html
    assert "What is key working sheet" in html


def test_a_reading_shows_its_items_and_questions_with_feedback(client, programme):
    reading = factories.ReadingPageFactory(parent=programme, summary="Short reading before Day 1.")
    factories.ReadingItemFactory(reading=reading, title="Key areas of policy and legislation")
    factories.ReadingQuestionFactory(reading=reading)
    factories.ReadingQuestionFactory(reading=reading, kind="reflection", prompt="What surprised you?", choices=[])

    html = client.get(reading.url).content.decode()

    assert "Short reading before Day 1." in html
    assert "Key areas of policy and legislation" in html
    assert "Facilitating multi-agency meetings: right." in html
    assert "What surprised you?" in html


def test_draft_placeholders_are_marked_as_drafts(client, programme):
    reading = factories.ReadingPageFactory(parent=programme)
    factories.ReadingItemFactory(reading=reading, title="Communication skills", body="", is_placeholder=True)

    html = client.get(reading.url).content.decode()

    assert "This part has not been written yet." in html


def test_draft_questions_are_not_shown_and_the_reading_says_more_are_coming(client, programme):
    """A placeholder must not pass for content, nor give away its "right" answer (issue #23 point 5)."""
    reading = factories.ReadingPageFactory(parent=programme)
    factories.ReadingQuestionFactory(reading=reading, prompt="What does a key worker do?")
    factories.ReadingQuestionFactory(reading=reading, prompt="Draft question", is_placeholder=True)

    html = client.get(reading.url).content.decode()

    assert "What does a key worker do?" in html
    assert "Draft question" not in html
    assert "More questions are coming." in html


def test_only_written_glossary_terms_are_public(client, programme):
    GlossaryTerm.objects.create(term="Key working", definition="One person who helps a family.")
    GlossaryTerm.objects.create(term="TAC", definition="Draft definition.", is_placeholder=True)

    html = client.get(programme.url).content.decode()

    assert "One person who helps a family." in html
    assert "Draft definition." not in html and ">TAC<" not in html
    assert "More words will be added soon." in html


def test_a_section_starts_with_its_plain_english_summary(client, section):
    section.summary = "You learn what a key worker does."
    section.save()

    html = client.get(section.url).content.decode()

    assert html.index("In plain English") < html.index("You learn what a key worker does.")
    assert html.index("You learn what a key worker does.") < html.index("Activity 2.2")


def test_course_pages_explain_key_working_and_send_and_offer_printing(client, course):
    html = client.get(course.url).content.decode()

    assert '<abbr title="special educational needs and disabilities">SEND</abbr>' in html
    assert "A key worker is one person who helps a family." in html
    assert "Print or save as PDF" in html


def _grow(programme, course, n):
    for i in range(n):
        other = factories.CoursePageFactory(parent=programme)
        CourseLearningOutcome.objects.create(course=other, outcome=factories.LearningOutcomeFactory())
        factories.SectionPageFactory(parent=course, number=10 + i, is_key_working_content=True)
        factories.PrincipleFactory()


def test_programme_and_course_pages_query_counts_do_not_grow(client, programme, course, django_assert_max_num_queries):
    _grow(programme, course, 1)
    urls = [programme.url, course.url]
    baseline = {}
    for url in urls:
        with django_assert_max_num_queries(40) as captured:
            assert client.get(url).status_code == 200
        baseline[url] = len(captured.captured_queries)

    _grow(programme, course, 8)

    for url in urls:
        with django_assert_max_num_queries(baseline[url]):
            client.get(url)


def test_sections_are_listed_and_paged_in_number_order(client, course):
    third = factories.SectionPageFactory(parent=course, number=3, title="Third")
    first = factories.SectionPageFactory(parent=course, number=1, title="First")
    second = factories.SectionPageFactory(parent=course, number=2, title="Second")

    html = client.get(course.url).content.decode()
    response = client.get(second.url)

    assert html.index("First") < html.index("Second") < html.index("Third")
    assert (response.context["previous_section"], response.context["next_section"]) == (first, third)


def test_the_programme_page_links_to_find_a_course_and_prints(client, programme):
    html = client.get(programme.url).content.decode()

    assert 'href="/cohorts/"' in html
    assert "Print or save as PDF" in html
