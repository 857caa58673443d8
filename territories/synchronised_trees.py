"""The rules that keep each language's tree in step with the French one, whatever the path.

wagtail-localize's synchronisation gives every French page an automatic copy (an alias) in
the other languages until someone translates it. Two gaps are closed here, at the data, so
that the admin's views, bulk actions, workflows, the scheduler and scripts all obey them
(receivers connected in signals.py):

- An alias is never live while its source is not. Wagtail's ``Page.update_aliases`` makes
  every alias live whenever its source is published, even when the publication is scheduled
  for later and the source itself stays offline until then.
- Deleting a page deletes what it stood for in the synchronised languages. Wagtail would keep
  the aliases as ordinary pages (``alias_of`` is SET_NULL), holding the address the next page
  with that title needs; a real translation would be left without its French page (whose
  translation records wagtail-localize removes). Wagtail's own synchronised trees
  (``simple_translation``) delete both too.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

from .acting import PublishRefused, acting_user, may_publish


def keep_aliases_offline_until_their_source_is_live(sender, instance, **kwargs):
    if not isinstance(instance, Page) or instance.alias_of_id is None or not instance.live:
        return
    if not Page.objects.filter(pk=instance.alias_of_id, live=True).exists():
        instance.live = False
        instance.has_unpublished_changes = True


def delete_copies_in_synchronised_languages(sender, instance, **kwargs):
    # Sent for the base Page row of each deleted page, descendants included.
    synchronised = LocaleSynchronization.objects.filter(sync_from_id=instance.locale_id)
    copies = Page.objects.filter(
        translation_key=instance.translation_key,
        locale_id__in=synchronised.values("locale_id"),
    )
    for copy in copies:
        # A live translation is public content: only its publishers take it down.
        if copy.live and copy.alias_of_id is None:
            user = acting_user()
            if user is not None and not may_publish(user, copy):
                raise PublishRefused(
                    _(
                        "“%(title)s” is published in another language: only its publishers "
                        "can delete it."
                    )
                    % {"title": copy.get_admin_display_title()}
                )
        # Its own descendants go with it; the copies of the French descendants are theirs.
        copy.delete()
