"""The image a page's card shows in listings (home pages, indexes, the catalogue).

Chosen by the editor from the territory's images (the chooser offers only those; the page
form refuses another territory's, territories/references.py). Its alternative text is the
image's own description, as everywhere else on public pages (home/images.py); an empty alt
only when the editor says the image is decorative.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from home.images import public_alt


class CardImage(models.Model):
    card_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("card image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown on the cards that list this page (home page, indexes, catalogue). Its "
            "description, in the image library, is read to those who cannot see it."
        ),
    )
    card_image_decorative = models.BooleanField(
        _("decorative card image"),
        default=False,
        help_text=_(
            "Tick only if the image adds nothing to the title: screen readers then skip it."
        ),
    )

    card_image_panels = [
        MultiFieldPanel(
            [FieldPanel("card_image"), FieldPanel("card_image_decorative")],
            heading=_("Card image"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_image_alt(self):
        if self.card_image_decorative:
            return ""
        return public_alt(self.card_image)

    def clean(self):
        super().clean()
        # Without a description the card would show the image with an empty alt, as if it
        # were decorative, without the editor having said so.
        if self.card_image_id and not self.card_image_decorative and not self.card_image_alt:
            raise ValidationError(
                {
                    "card_image": _(
                        "This image has no description: describe it in the image library "
                        "(the description is its alternative text), or tick “decorative card "
                        "image” if it adds nothing to the title."
                    )
                }
            )
