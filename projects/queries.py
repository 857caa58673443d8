"""The listings that pages show, each in one query (plus prefetches) whatever the content size."""

from collections import Counter

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from home.privacy import published
from territories.queries import territory_of
from territories.scope import site_tree_path, territory_home_of

from .card_images import with_card_images
from .models import NewsPage, ProjectPage


def in_the_same_tree(queryset, page):
    """The pages of ``queryset`` on the same site and in the same language as ``page``."""
    return queryset.filter(path__startswith=site_tree_path(page))


def project_listing(queryset):
    return with_card_images(published(queryset)).order_by("title")


def _in_the_language_of(page, links):
    """``page``'s language versions of the projects its links choose (``links``: rows with
    ``project`` and ``sort_order``, a highlight or a news item's project), under ``page``'s
    own site, in the links' order: the translation where there is one, else the alias."""
    if isinstance(links, QuerySet):
        keys = links.values("project__translation_key")
        link = links.filter(project__translation_key=OuterRef("translation_key"))
        order = Subquery(link.values("sort_order")[:1])
    else:
        # A preview's links, not saved yet: in memory.
        keys = [link.project.translation_key for link in links if link.project_id]
        if not keys:
            return []
        order = Case(
            *[When(translation_key=key, then=Value(number)) for number, key in enumerate(keys)],
            output_field=IntegerField(),
        )
    projects = ProjectPage.objects.filter(translation_key__in=keys)
    return list(
        with_card_images(published(in_the_same_tree(projects, page)))
        .annotate(link_order=order)
        .order_by("link_order", "pk")
    )


def highlighted_projects(territory, limit=3):
    """The projects the territory chose to highlight, or its latest ones."""
    chosen = _in_the_language_of(territory, territory.highlights.all())
    if chosen:
        return chosen
    # An alias (a page not translated yet) has no first publication: last, on every database
    # (PostgreSQL would put it first).
    newest_first = F("first_published_at").desc(nulls_last=True)
    return list(
        with_card_images(published(ProjectPage.objects.descendant_of(territory))).order_by(
            newest_first
        )[:limit]
    )


def projects_of_news(news):
    """The projects a news item is about, as its page shows them."""
    return _in_the_language_of(news, news.related_projects.all())


def latest_news(territory, limit):
    return list(
        with_card_images(published(NewsPage.objects.descendant_of(territory))).order_by("-date")[
            :limit
        ]
    )


def reused_origin(project):
    """The project this one was reused from, as its page names it: only while it is
    published and public (an origin taken down or made private is no longer named)."""
    if project.reused_from_id is None:
        return None
    origin = published(ProjectPage.objects.filter(pk=project.reused_from_id)).first()
    if origin is not None:
        # The credit names the territory (« … du Département du Pas-de-Calais »).
        home = territory_home_of(origin)
        origin.territory_name = home.title if home else ""
    return origin


def news_about(project):
    """The news about a project, for its page and its feeds alike: in the project's
    language (French news on a French page; on an English page the English versions,
    translations or aliases, of news linking any version of the project) and from the
    project's own territory only, whatever another territory's news links to."""
    return (
        published(
            in_the_same_tree(
                NewsPage.objects.filter(
                    related_projects__project__translation_key=project.translation_key
                ),
                project,
            )
        )
        .order_by("-date", "-pk")
        .distinct()
    )


def latest_news_about(project, limit):
    return list(with_card_images(news_about(project))[:limit])


def news_page(news_index, page_number, per_page):
    """One page of the index's news; a bad page number gives the first or last page."""
    news = with_card_images(published(NewsPage.objects.child_of(news_index))).order_by(
        "-date", "-pk"
    )
    return Paginator(news, per_page).get_page(page_number)


def latest_news_with_territories(territories, locale, limit=6):
    """The network's latest news, each paired with the territory it comes from."""
    news = with_card_images(published(NewsPage.objects.filter(locale=locale))).order_by("-date")[
        :limit
    ]
    return [(item, territory_of(item, territories)) for item in news]


def projects_in(locale, territory=None):
    """The published projects of one language, network-wide or under one territory."""
    projects = published(ProjectPage.objects.filter(locale=locale))
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
    return with_card_images(projects.order_by("title", "pk").distinct()).prefetch_related("themes")


def shareable_projects(locale):
    return with_card_images(projects_in(locale).filter(shareable=True)).order_by("title", "pk")


def open_data_scope(locale, territory=None):
    """The projects the open data publishes in a language: every published project of that
    language's tree, translated or not (an untranslated one is its alias there, in the
    source's words)."""
    return projects_in(locale, territory)


def open_data_projects(locale, territory=None):
    """Projects with everything the API and the CSV export publish, in five queries: each
    with the language its text is in and the slug it was first written with (its identifier,
    the same in every language)."""
    first_version = (
        ProjectPage.objects.filter(translation_key=OuterRef("translation_key"), alias_of=None)
        .order_by("pk")
        .values("slug")[:1]
    )
    return (
        open_data_scope(locale, territory)
        .annotate(
            text_language=Coalesce("alias_of__locale__language_code", "locale__language_code"),
            first_slug=Subquery(first_version),
        )
        .order_by("path")
        .prefetch_related("phases", "decisions", "themes", "user_types")
    )


def newest_publication_per_language():
    """``[(language code, the newest publication of a published project)]``, one query: the
    date of the network catalogue in each language."""
    return (
        published(ProjectPage.objects.all())
        .order_by()
        .values_list("locale__language_code")
        .annotate(newest=Max("last_published_at"))
    )


def projects_per_territory(locale, territories):
    """``{territory pk: published projects under it}``, in one query."""
    if not territories:
        return {}
    counts = open_data_scope(locale).aggregate(
        **{
            f"t{territory.pk}": Count("pk", filter=Q(path__startswith=territory.path))
            for territory in territories
        }
    )
    return {territory.pk: counts[f"t{territory.pk}"] for territory in territories}


def territory_projects(territory):
    """The territory's published projects in its language, alphabetically, in one query."""
    return list(projects_in(territory.locale_id, territory).order_by("title", "pk"))


def projects_per_phase(projects):
    """``{phase: count}`` for a list of projects."""
    return Counter(project.current_phase for project in projects)


def key_results(projects):
    """The indicators that publishers marked as key results, each with its project."""
    return [
        (project, indicator)
        for project in projects
        for indicator in project.impact_indicators()
        if indicator.highlighted
    ]


def published_project(root, locale, slug):
    """The published project of one site and language with this slug, or None."""
    projects = ProjectPage.objects.descendant_of(root).filter(locale=locale, slug=slug)
    return published(projects).first()


def news_feed(locale, territory=None, project=None, limit=30):
    """The latest published news for a feed: the network's, a territory's or a project's.

    The same items as the pages list in that language (aliases included where nothing is
    translated): the hub's latest news, the territory's news index, the project's page.
    """
    if project is not None:
        news = news_about(project)
    else:
        news = published(NewsPage.objects.filter(locale=locale))
        if territory is not None:
            news = news.descendant_of(territory)
    return list(news.order_by("-date", "-pk")[:limit])
