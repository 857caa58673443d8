"""What deleting an irritant must also do (whether from the admin or in bulk), and where a
changed irritant shows."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from operations.backup import count_in_backups
from pagecache import registry as pagecache
from projects.models import ProjectPage

from . import notifications
from .models import Irritant, IrritantAttachment, Status, StatusChange


@receiver(pre_delete, sender=Irritant)
def reopen_its_duplicates(sender, instance, **kwargs):
    # A duplicate of nothing cannot stay a duplicate: it goes back to review.
    for duplicate in instance.duplicates.filter(status=Status.DUPLICATE):
        duplicate.status = Status.UNDER_REVIEW
        duplicate.duplicate_of = None
        duplicate.save(update_fields=["status", "duplicate_of"])
        StatusChange.objects.create(
            irritant=duplicate, from_status=Status.DUPLICATE, to_status=Status.UNDER_REVIEW
        )


@receiver(post_delete, sender=IrritantAttachment)
def delete_its_file(sender, instance, **kwargs):
    # Personal data: the file goes with the record (deleted alone, by the purge, or with its
    # irritant), once the deletion is committed.
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


@receiver(page_published, sender=ProjectPage)
def tell_agents_their_project_moved_on(sender, instance, **kwargs):
    # Its first publication, a new phase, a new decision: news for the agents behind it.
    notifications.project_published(instance)


# A territory's results and home count the irritants its calls received, the hub's home
# the network's; a project shows the irritant it was born from.
pagecache.territory_content(Irritant, on_hub=True)
count_in_backups("irritants", Irritant)
count_in_backups("irritant attachments", IrritantAttachment)
