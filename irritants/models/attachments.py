"""The files an agent attached to an irritant (up to IRRITANTS_MAX_ATTACHMENTS)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..attachments import private_storage
from .irritants import Irritant, attachment_path


def attachment_file_path(instance, filename):
    # The irritant's rule: a random name under its reference, the original extension.
    return attachment_path(instance.irritant, filename)


class IrritantAttachment(models.Model):
    irritant = models.ForeignKey(
        Irritant,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("irritant"),
    )
    file = models.FileField(_("file"), upload_to=attachment_file_path, storage=private_storage)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.file.name

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1] if "." in self.file.name else "bin"

    def download_name(self):
        """The name the reviewer's download gets: the reference and the file's rank (the
        agent's own file name is not kept: it may carry personal data)."""
        rank = IrritantAttachment.objects.filter(irritant_id=self.irritant_id, pk__lt=self.pk)
        return f"{self.irritant.reference}-{rank.count() + 1}.{self.extension}"
