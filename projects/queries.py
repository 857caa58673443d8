"""The listings that pages show, each in one query (plus prefetches) whatever the content size."""

from collections import Counter

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.utils import timezone

from home.languages import restrictions_above
from territories.queries import territory_of

from .models import CallForIrritantsPage, NewsPage, ProjectPage


def _published(queryset):
    # PageQuerySet.public() reads the view restrictions in a query of its own; as a
    # subquery they cost none.
    return queryset.live().exclude(Exists(restrictions_above(OuterRef("path"))))


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


def projects_in(locale, territory=None):
    """The published projects of one language, network-wide or under one territory."""
    projects = _published(ProjectPage.objects.filter(locale=locale))
    if territory is not None:
        projects = projects.descendant_of(territory)
    return projects


def catalogue(locale, territory=None, phase="", theme="", user_type=""):
    """The network catalogue, filtered; what the cards show is prefetched."""
    projects = projects_in(locale, territory)
    if phase:
        projects = projects.filter(current_phase=phase)
    if theme:
        projects = projects.filter(themes__slug=theme)
    if user_type:
        projects = projects.filter(user_types__slug=user_type)
    return projects.order_by("title", "pk").distinct().prefetch_related("themes")


def shareable_projects(locale):
    return projects_in(locale).filter(shareable=True).order_by("title", "pk")


def _own_content(queryset):
    """The pages written in their tree's language. An alias (the copy a synchronised tree
    keeps of an untranslated page) shows its source's text: a feed or a dataset in that
    language would repeat the source's items, in the source's language."""
    return queryset.filter(alias_of__isnull=True)


def open_data_scope(locale, territory=None):
    """The projects the open data publishes in a language: its real versions, no alias."""
    return _own_content(projects_in(locale, territory))


def open_data_projects(locale, territory=None):
    """Projects with everything the API and the CSV export publish, in five queries."""
    return (
        open_data_scope(locale, territory)
        .order_by("path")
        .prefetch_related("phases", "decisions", "themes", "user_types")
    )


def territory_projects(territory):
    """The territory's published projects in its language, alphabetically, in one query."""
    return list(projects_in(territory.locale_id, territory).order_by("title", "pk"))


def projects_per_phase(projects):
    """``{phase: count}`` for a list of projects."""
    return Counter(project.current_phase for project in projects)


def calls_count(territory):
    return _published(
        CallForIrritantsPage.objects.descendant_of(territory).filter(locale=territory.locale_id)
    ).count()


def irritants_received(territory):
    """How many irritants the territory's calls received, whatever became of them."""
    from irritants.queries import received_count

    return received_count(territory)


def key_results(projects):
    """The indicators that publishers marked as key results, each with its project."""
    return [
        (project, indicator)
        for project in projects
        for indicator in project.impact_indicators()
        if indicator.highlighted
    ]


def news_feed(locale, territory=None, project=None, limit=30):
    """The latest published news for a feed: the network's, a territory's or a project's."""
    news = _own_content(_published(NewsPage.objects.filter(locale=locale)))
    if territory is not None:
        news = news.descendant_of(territory)
    if project is not None:
        news = news.filter(related_projects__project=project).distinct()
    return list(news.order_by("-date", "-pk")[:limit])
