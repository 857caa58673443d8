"""What a home page counts of calls and irritants: the irritants received and the calls open
today, each in one query, for a territory or the whole network. Counts only: never a
submitter's data."""

from django.utils import timezone

from home.privacy import published

from .models import CallForIrritantsPage, Irritant


def open_calls_count(locale, territory=None):
    """The calls open today in one language, under ``territory``'s home page or anywhere."""
    today = timezone.localdate()
    calls = published(CallForIrritantsPage.objects.filter(locale=locale))
    if territory is not None:
        calls = calls.descendant_of(territory)
    return calls.filter(opens_on__lte=today, closes_on__gte=today).count()


def received_in(territories):
    """The irritants received by ``territories`` (their home pages, in any language)."""
    keys = [territory.translation_key for territory in territories]
    if not keys:
        return 0
    return Irritant.objects.filter(territory__home__translation_key__in=keys).count()
