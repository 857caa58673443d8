"""HTML from a word processor or a web page reaches the rich text editor as content only
(issue 22): no script or style as text, a table's rows kept apart."""

import json

from wagtail.admin.rich_text import DraftailRichTextArea

from home.rich_text import CleanDraftailRichTextArea

PASTED = (
    "<p>Avant</p><script>alert('x')</script><style>p { color: red }</style>"
    "<!--[if gte mso 9]><xml><w:WordDocument>Normal</w:WordDocument></xml><![endif]-->"
    "<table><tr><th>Mois</th><th>Rendez-vous manqués</th></tr>"
    "<tr><td>Janvier</td><td>20 %</td></tr></table><p>Après</p>"
)
FEATURES = ["bold", "italic", "link", "ul", "ol"]


def paragraphs(widget):
    return [block["text"] for block in json.loads(widget.format_value(PASTED))["blocks"]]


def test_wagtail_alone_shows_script_text_and_runs_cells_together():
    # What the editor got before: the defect this widget exists for.
    texts = paragraphs(DraftailRichTextArea(features=FEATURES))
    assert "alert('x')" in texts
    assert any("Janvier20 %" in text for text in texts)


def test_the_editor_gets_only_content_and_one_paragraph_per_table_row():
    assert paragraphs(CleanDraftailRichTextArea(features=FEATURES)) == [
        "Avant",
        "Mois ; Rendez-vous manqués",
        "Janvier ; 20 %",
        "Après",
    ]


def test_plain_stored_html_is_unchanged():
    widget = CleanDraftailRichTextArea(features=FEATURES)
    html = '<p data-block-key="a1">Les <b>familles</b> attendent.</p>'
    assert json.loads(widget.format_value(html)) == json.loads(
        DraftailRichTextArea(features=FEATURES).format_value(html)
    )


def test_every_rich_text_field_of_the_admin_uses_the_cleaning_editor():
    from wagtail.admin.rich_text import get_rich_text_editor_widget

    # The widget Wagtail builds for every RichTextField and RichTextBlock (the settings').
    assert isinstance(get_rich_text_editor_widget(features=FEATURES), CleanDraftailRichTextArea)
