"""The listings that pages show, each in one query (plus prefetches) whatever the content size."""

from django.core.paginator import Paginator
from django.utils import timezone

from territories.queries import territory_of

from .models import CallForIrritantsPage, NewsPage, ProjectPage


def _published(queryset):
    return queryset.live().public()


def project_listing(queryset):
    return _published(queryset).order_by("title")


def highlighted_projects(territory, limit=3):
    """The projects the territory chose to highlight, or its latest ones."""
    chosen = [
        highlight.project
        for highlight in territory.highlights.select_related("project")
        if highlight.project.live
    ]
    if chosen:
        return chosen
    return list(
        _published(ProjectPage.objects.descendant_of(territory)).order_by("-first_published_at")[
            :limit
        ]
    )


def latest_news(territory, limit):
    return list(_published(NewsPage.objects.descendant_of(territory)).order_by("-date")[:limit])


def latest_news_about(project, limit):
    return list(
        _published(NewsPage.objects.filter(related_projects__project=project))
        .order_by("-date")
        .distinct()[:limit]
    )


def news_page(news_index, page_number, per_page):
    """One page of the index's news; a bad page number gives the first or last page."""
    news = _published(NewsPage.objects.child_of(news_index)).order_by("-date", "-pk")
    return Paginator(news, per_page).get_page(page_number)


def open_calls(territory):
    today = timezone.localdate()
    return list(
        _published(CallForIrritantsPage.objects.descendant_of(territory))
        .filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("closes_on")
    )


def latest_news_with_territories(territories, locale, limit=6):
    """The network's latest news, each paired with the territory it comes from."""
    news = _published(NewsPage.objects.filter(locale=locale)).order_by("-date")[:limit]
    return [(item, territory_of(item, territories)) for item in news]
