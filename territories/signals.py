"""Every receiver of the territories app, connected in one place when the app is ready: the
rules checked where content is written, and the access model applied after migrations."""

from django.apps import apps
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail.signals import pre_page_move, task_rejected, workflow_approved
from wagtail_localize.models import SegmentOverride

from . import archive, publication, restrictions, synchronised_trees, workflow_messages
from .services import after_migrate

# Nothing goes public without a publisher (publication.py).
pre_save.connect(publication.refuse_unreviewed_page_write, dispatch_uid="refuse_unreviewed_write")
pre_save.connect(publication.refuse_unreviewed_scheduling, sender=Revision)
# A move is not a write that goes public (publication.BOOKKEEPING_FIELDS), but into an
# archived territory it would be.
pre_page_move.connect(archive.refuse_a_live_move_into_an_archive)
pre_save.connect(publication.refuse_foreign_override, sender=SegmentOverride)
for media in (get_image_model(), get_document_model()):
    for signal in (pre_save, pre_delete):
        signal.connect(publication.refuse_unreviewed_media_change, sender=media)

# Who may see a page (restrictions.py).
for signal in (pre_save, pre_delete):
    signal.connect(restrictions.refuse_unreviewed_privacy_change, sender=PageViewRestriction)
m2m_changed.connect(restrictions.drop_foreign_viewers, sender=PageViewRestriction.groups.through)
pre_save.connect(restrictions.refuse_a_second_restriction, sender=PageViewRestriction)
post_save.connect(restrictions.keep_one_restriction_per_page, sender=PageViewRestriction)
post_delete.connect(restrictions.lift_in_every_language, sender=PageViewRestriction)
# A territory in preparation stays hidden until its launch (launch.py).
for signal in (pre_save, pre_delete):
    signal.connect(restrictions.keep_preparation_restriction, sender=PageViewRestriction)
m2m_changed.connect(
    restrictions.keep_preparation_viewers, sender=PageViewRestriction.groups.through
)

# Each language's tree in step with the French one (synchronised_trees.py).
pre_save.connect(synchronised_trees.keep_aliases_offline_until_their_source_is_live)
post_delete.connect(synchronised_trees.delete_copies_in_synchronised_languages, sender=Page)

# The reviewer reads what an approval or a request for changes did (workflow_messages.py).
workflow_approved.connect(workflow_messages.workflow_approved)
task_rejected.connect(workflow_messages.changes_requested)

# New languages reach the open territories, and the access model is applied again.
post_migrate.connect(after_migrate, sender=apps.get_app_config("territories"))
