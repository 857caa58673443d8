"""The registry of StreamField blocks shared by every page type.

Page models take their blocks from here (``body_blocks()``, ``key_figure_blocks()``)
so that all territories write with the same palette and templates render each block
the same way everywhere.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock

from .embeds import public_frame

# The formatting a short rich-text field offers (who may answer a call, a project's problem…).
SHORT_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Use level 2 for the main sections, then 3 and 4 inside them."),
        # A choice's label is not content: search excerpts showed « Niveau 2 ».
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"), max_length=30, help_text=_("For example “200 000 €” or “20 %”.")
    )
    label = blocks.CharBlock(label=_("What it measures"), max_length=120)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=150)

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/key_figure.html"


def require_page_or_url(value):
    """A link block points to a page of the site or to an address, exactly one of them."""
    if bool(value.get("page")) == bool(value.get("url")):
        raise blocks.StructBlockValidationError(
            block_errors={"page": ValidationError(_("Choose either a page or an external link."))}
        )
    return value


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    def clean(self, value):
        return require_page_or_url(super().clean(value))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class LinkBlock(blocks.StructBlock):
    """A labelled link to a page of the site or to another address."""

    label = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    def clean(self, value):
        return require_page_or_url(super().clean(value))

    class Meta:
        icon = "link"
        label = _("Link")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "blocks/accordion.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=150,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link.html"


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Address of the video or content"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=150,
        help_text=_("Read by screen readers to announce the embedded content."),
    )

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["frame"] = frame_of(value)
        return context


def frame_of(value):
    """The embed's stored oEmbed answer (fetched once, then kept by Wagtail) as the public
    page shows it (home/embeds.py), with its shape; None when the provider gave none."""
    if value["embed"] is None:
        return None
    try:
        embed = get_embed(value["embed"].url)
    except EmbedException:
        return None
    if not embed.html:
        return None
    ratio = f"{embed.width} / {embed.height}" if embed.width and embed.height else "16 / 9"
    return {"html": public_frame(embed.html, value["title"]), "ratio": ratio}


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("Says what the table shows.")
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("Text"))),
            ("number", blocks.DecimalBlock(label=_("Number"))),
        ],
        label=_("Table"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"


def body_blocks():
    """The full palette for the body of a content page."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        # Wagtail's ImageBlock requires alt text unless the editor ticks "decorative".
        ("image", ImageBlock(label=_("Image"), template="blocks/image.html")),
        ("quote", QuoteBlock()),
        ("key_figure", KeyFigureBlock()),
        ("call_to_action", CallToActionBlock()),
        ("accordion", AccordionBlock()),
        ("document", DocumentLinkBlock()),
        ("embed", CaptionedEmbedBlock()),
        ("table", TableBlock()),
    ]


def key_figure_blocks():
    return [("key_figure", KeyFigureBlock())]


def footer_link_blocks():
    return [("link", LinkBlock())]
