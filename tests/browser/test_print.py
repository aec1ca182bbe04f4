"""Print or save as PDF (issue #23 point 6): the button, the no-JavaScript fallback and print styles,
checked by printing a reading to PDF with Chromium."""

import re
import zlib

import pytest
from playwright.sync_api import expect

from core.models import HomePage
from courses.tests import factories
from tests.browser.conftest import assert_accessible

HEADING = "Pre-reading before Day 1"


@pytest.fixture
def reading(db):
    programme = factories.ProgrammePageFactory(parent=HomePage.objects.get())
    page = factories.ReadingPageFactory(
        parent=programme,
        title=HEADING,
        summary="Some reading to do before Day 1.",
        intro='<p>See <a href="https://www.example.org/send-code">the SEND code</a>.</p>',
    )
    factories.ReadingItemFactory(reading=page, title="Key areas of policy and legislation")
    return page


def _pdf_text(pdf: bytes) -> str:
    """The PDF's plain parts and its unpacked streams, enough to find the document title in."""
    parts = [pdf.decode("latin-1")]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


def _pdf_title(pdf: bytes) -> str:
    """The /Title Chromium writes from the page's <title>, as a literal or a UTF-16 hex string."""
    match = re.search(r"/Title\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]+>)", _pdf_text(pdf))
    assert match, "the PDF has no title"
    value = match.group(1)
    if value.startswith("<"):
        return bytes.fromhex(value[1:-1]).decode("utf-16")
    return value[1:-1]


def test_a_reading_prints_to_a_pdf_without_the_site_navigation(page, live_server, reading):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(f"{live_server.url}{reading.url}")

    button = page.get_by_role("button", name="Print or save as PDF")
    expect(button).to_be_visible()
    expect(page.get_by_text("use your browser’s Print option")).to_be_hidden()
    assert_accessible(page)
    button.click()
    assert page.evaluate("window.printed") == 1

    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1, name=HEADING)).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(button).to_be_hidden()
    link_after = page.evaluate("getComputedStyle(document.querySelector('main a[href^=\"http\"]'), '::after').content")
    assert "https://www.example.org/send-code" in link_after

    pdf = page.pdf(format="A4")

    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    assert HEADING in _pdf_title(pdf)


def test_without_javascript_the_page_says_how_to_print(browser, live_server, reading):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}{reading.url}")

    expect(page.get_by_text("To print this page or save it as a PDF, use your browser’s Print option.")).to_be_visible()
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
