"""Rich text as the editor receives it: without what a word processor or a web page leaves
in pasted or imported HTML.

Wagtail turns stored HTML into the editor's content by keeping every text node: a
``<script>`` or ``<style>`` became a paragraph of code, Word's conditional comments a paragraph
of XML, and a table its cells run together (« UnDeuxTroisQuatre »). The editor's widget
(``WAGTAILADMIN_RICH_TEXT_EDITORS``) cleans the HTML first: what is not content goes, and a
table keeps one paragraph per row, its cells separated, until the editor moves it into a
« Tableau » block.
"""

from bs4 import BeautifulSoup, Comment
from wagtail.admin.rich_text import DraftailRichTextArea

NOT_CONTENT = ["script", "style", "head", "title", "meta", "link", "xml", "template", "noscript"]
NOT_CONTENT += ["iframe", "object", "embed", "svg", "math"]
CELL_SEPARATOR = " ; "


def clean_pasted_html(html):
    if not html or "<" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for element in soup.find_all(NOT_CONTENT):
        element.decompose()
    for table in soup.find_all("table"):
        paragraphs = []
        for row in table.find_all("tr"):
            cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            if any(cells):
                paragraph = soup.new_tag("p")
                paragraph.string = CELL_SEPARATOR.join(cells)
                paragraphs.append(paragraph)
        if paragraphs:
            table.replace_with(*paragraphs)
        else:
            table.decompose()
    return str(soup)


class CleanDraftailRichTextArea(DraftailRichTextArea):
    """Draftail, given stored HTML cleaned of what is not content."""

    def format_value(self, value):
        return super().format_value(clean_pasted_html(value))
