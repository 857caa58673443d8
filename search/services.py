"""Searching the pages of a site, one place for the rules the page, the autocomplete endpoint,
the benchmark and the rebuild command share."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or

from home.generations import cached_for_site
from home.privacy import private_pages
from irritants.models import CallForIrritantsPage
from projects.models import NewsPage, ProjectPage, Theme
from territories.queries import territory_of
from territories.scope import RequestScope

from . import query as search_query

RESULTS_PER_PAGE = 10
# A page number beyond this one is the last page, whatever the number of results.
MAX_PAGE_NUMBER = 10**9
AUTOCOMPLETE_LIMIT = 8
EXCERPT_LENGTH = 240
# Words looked up one by one when a search of several words finds nothing.
MAX_WORD_SUGGESTIONS = 5
# The themes offered when a search finds nothing: the site's most frequent ones.
MAX_THEME_SUGGESTIONS = 3

# The page types a search can be narrowed to, by the value the form sends.
PAGE_TYPES = {
    "project": (ProjectPage, _("Projects")),
    "news": (NewsPage, _("News")),
    "call": (CallForIrritantsPage, _("Calls for irritants")),
}


@dataclass(frozen=True)
class Filters:
    page_type: str = ""
    phase: str = ""
    theme: object = None  # a Theme

    def __bool__(self):
        return bool(self.page_type or self.phase or self.theme)

    def apply(self, pages):
        if self.page_type:
            pages = pages.type(PAGE_TYPES[self.page_type][0])
        if self.phase or self.theme:
            # Phases and themes belong to projects: either narrows the search to them.
            projects = ProjectPage.objects.all()
            if self.phase:
                projects = projects.filter(current_phase=self.phase)
            if self.theme:
                projects = projects.filter(themes=self.theme)
            pages = pages.filter(pk__in=projects.values("pk"))
        return pages

    def as_params(self):
        params = {"type": self.page_type, "phase": self.phase}
        params["theme"] = self.theme.slug if self.theme else ""
        return {name: value for name, value in params.items() if value}


def searchable_pages(scope):
    """Where a site's search looks (``scope``: a ``RequestScope``): its own pages in one
    language, or on the hub the whole network's."""
    # Search backends filter on indexed fields only: the privacy rule (home/privacy.py)
    # goes in as a subquery of page ids.
    pages = Page.objects.live().exclude(pk__in=private_pages()).filter(locale=scope.locale)
    if scope.site is None:
        return pages.none()
    if scope.is_hub:
        return pages.filter(depth__gt=1)
    if not scope.is_translated:
        return pages.none()
    return pages.descendant_of(scope.root, inclusive=True)


def matching_pages(scope, terms, filters=Filters()):
    if not terms:
        return Page.objects.none()
    return filters.apply(searchable_pages(scope)).specific().search(terms.as_query())


def shown_territories(scope):
    """The territories a result may be labelled with: on the hub only."""
    return scope.territories if scope.is_hub else []


@dataclass
class Result:
    page: Page
    excerpt: str
    territory: Page | None

    @property
    def type_label(self):
        return self.page._meta.verbose_name

    @property
    def phase_label(self):
        return getattr(self.page, "get_current_phase_display", lambda: "")()


@dataclass
class Suggestion:
    label: str
    url: str
    count: int


@dataclass
class SearchOutcome:
    terms: search_query.SearchTerms
    filters: Filters
    page: object  # a Paginator page of Result
    suggestions: list = field(default_factory=list)
    theme_suggestions: list = field(default_factory=list)

    @property
    def count(self):
        return self.page.paginator.count


def search(scope, terms, filters=Filters(), page_number=1, per_page=RESULTS_PER_PAGE, request=None):
    """One page of results, with excerpts; suggestions when there is nothing to show
    (``request``: the generations it has read, for the site's cached theme suggestions)."""
    results = matching_pages(scope, terms, filters)
    page = paginate(results, page_number, per_page)
    territories = shown_territories(scope)
    texts = indexed_texts(page.object_list)
    page.object_list = [
        Result(
            page=found,
            excerpt=excerpt(texts.get(found.pk) or page_text(found), terms),
            territory=territory_of(found, territories),
        )
        for found in page.object_list
    ]
    outcome = SearchOutcome(terms=terms, filters=filters, page=page)
    if terms and not page.paginator.count:
        outcome.suggestions = suggestions(scope, terms, filters)
        outcome.theme_suggestions = theme_suggestions(scope, request)
    return outcome


def paginate(results, page_number, per_page):
    """The page ``page_number`` of ``results``, as ``Paginator.get_page`` answers it (page 1
    for a number that is not one, the last page beyond the end).

    With a backend that counts the matches in the query of the page (PostgreSQL's, see
    search/backend.py), one query instead of a count and then the page, whatever the number.
    """
    paginator = Paginator(results, per_page)
    page_with_total = getattr(results, "page_with_total", None)
    if page_with_total is None:
        return paginator.get_page(page_number)
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        number = 1
    if not 0 < number <= MAX_PAGE_NUMBER:
        # Before the first page, or further than any search goes: the last one, as
        # get_page answers.
        number = MAX_PAGE_NUMBER
    rows, number, total = page_with_total(number, per_page)
    paginator.count = total  # known: the paginator would count again otherwise
    return PaginatorPage(rows, number, paginator)


def autocomplete(scope, terms, limit=AUTOCOMPLETE_LIMIT):
    """Pages whose title starts with the words typed so far, for the search box."""
    text = terms.as_autocomplete_text()
    if len(text) < 2:
        return []
    pages = list(searchable_pages(scope).autocomplete(text)[:limit])
    territories = shown_territories(scope)
    return [(page, territory_of(page, territories)) for page in pages]


def suggestions(scope, terms, filters):
    """Other searches that find something, when this one found nothing."""
    found = []

    def offer(label, other_scope, other_terms, other_filters, url_base="", count=None):
        if count is None:
            count = matching_pages(other_scope, other_terms, other_filters).count()
        if count:
            params = {"q": other_terms.text, **other_filters.as_params()}
            url = f"{url_base}{reverse('search')}?{urlencode(params)}"
            found.append(Suggestion(label=label, url=url, count=count))

    if filters:
        offer(_("The same words, without the filters"), scope, terms, Filters())
    if len(terms.all_words) > 1:
        words = terms.all_words[:MAX_WORD_SUGGESTIONS]
        for word, count in zip(words, word_counts(scope, words, filters), strict=True):
            offer(word, scope, search_query.parse(word), filters, count=count)
    if not scope.is_hub:
        hub = Site.objects.filter(is_default_site=True).first()
        if hub is not None and hub != scope.site:
            network = RequestScope.for_site(hub, scope.locale)
            offer(_("The same search on the whole network"), network, terms, filters, hub.root_url)
    return found


def word_counts(scope, words, filters):
    """How many pages each word finds alone: in one query where the backend counts several
    searches at once (PostgreSQL's, search/backend.py), else one count per word."""
    if not hasattr(get_search_backend().results_class, "counts_of"):
        return [matching_pages(scope, search_query.parse(word), filters).count() for word in words]
    queries = [search_query.parse(word).as_query() for word in words]
    return filters.apply(searchable_pages(scope)).specific().search(Or(queries)).counts_of(queries)


def theme_suggestions(scope, request=None, limit=MAX_THEME_SUGGESTIONS):
    """The themes of most of the site's projects (the network's on the hub), each as a
    search for its name among its projects: somewhere to start when a search found nothing.

    The same for every search of the site and language: computed once per generation of the
    site (four queries over the whole network on the hub otherwise, for every search that
    finds nothing)."""
    name = f"theme-suggestions:{scope.locale.language_code}:{limit}"
    return cached_for_site(request, scope.site, name, lambda: _theme_suggestions(scope, limit))


def _theme_suggestions(scope, limit):
    projects = ProjectPage.objects.filter(pk__in=searchable_pages(scope).values("pk"))
    themes = (
        Theme.objects.filter(projectpage__in=projects)
        .annotate(projects=Count("projectpage"))
        .order_by("-projects", "name")[:limit]
    )
    found = []
    for theme in themes:
        name = str(theme)  # in the page's language (projects/models/taxonomy.py)
        terms = search_query.parse(name)
        count = matching_pages(scope, terms, Filters(theme=theme)).count()
        if count:
            params = {"q": terms.text, **Filters(theme=theme).as_params()}
            url = f"{reverse('search')}?{urlencode(params)}"
            found.append(Suggestion(label=name, url=url, count=count))
    return found


def stems_verb_forms():
    """Whether the search finds a verb's other forms (« signaler » finds « signalé »): the
    database search does, with the Snowball stemmer, on PostgreSQL (french_unaccent) and on
    SQLite (search/sqlite.py); Elasticsearch and OpenSearch stem lightly, plurals and
    feminines only (search/config.py)."""
    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backend"


# The column of the database index that keeps each object's text, title excepted, readable.
INDEXED_TEXT_COLUMNS = {"postgresql": "body_text", "sqlite": "body", "mysql": "body"}


def indexed_texts(pages):
    """The text the database index holds for each page, title excepted, by page id.

    One query for a whole page of results, where reading each page's StreamFields would cost
    a query per page for the pages, images and documents its blocks choose. Empty with
    Elasticsearch or OpenSearch, which keep no copy in the database.
    """
    column = INDEXED_TEXT_COLUMNS.get(connection.vendor)
    database_search = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backend"
    if not pages or column is None or not database_search:
        return {}
    from wagtail.search.models import IndexEntry

    content_types = {page.content_type_id for page in pages}
    rows = IndexEntry.objects.filter(
        object_id__in=[str(page.pk) for page in pages], content_type_id__in=content_types
    ).values_list("object_id", "content_type_id", column)
    by_key = {(object_id, content_type): text for object_id, content_type, text in rows}
    return {page.pk: by_key.get((str(page.pk), page.content_type_id)) for page in pages}


def page_text(page):
    """The page's indexed text other than its title: introduction, body, and so on."""
    parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        value = search_field.get_value(page)
        parts.extend(value if isinstance(value, list) else [value])
    return " ".join(" ".join(str(part).split()) for part in parts if part)


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """A passage of ``text`` around the first searched word, searched words in <mark>.

    Words match as PostgreSQL's French search matches them: by stem, whatever the accents.
    Only the words up to the end of the passage are looked at, however long the page.
    """
    matches = search_query.Matcher(terms.all_words)
    first = next((word for word in search_query.WORD_RE.finditer(text) if matches(word[0])), None)
    start = 0
    if first and first.start() > length // 3:
        # Start at a word boundary a little before the first match.
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    passage = Truncator(text[start:]).chars(length)
    html, position = [], 0
    for word in search_query.WORD_RE.finditer(passage):
        if matches(word[0]):
            html.append(escape(passage[position : word.start()]))
            html.append(f"<mark>{escape(word[0])}</mark>")
            position = word.end()
    html.append(escape(passage[position:]))
    prefix = "… " if start else ""
    return mark_safe(prefix + "".join(html))  # noqa: S308 (every piece is escaped above)


def rebuild_index(backend_name="default", chunk_size=500, progress=None):
    """Rebuild a search index from scratch, calling ``progress(done, total)`` as it goes.

    The same steps as Wagtail's update_index: every indexed model, root models first, in
    chunks, inside the backend's (atomic when it can) rebuilder.
    """
    backend = get_search_backend(backend_name)
    models = list(index.get_indexed_models())
    total = sum(model.get_indexed_objects().count() for model in models)
    done = 0
    if progress:
        progress(done, total)
    if not backend.rebuilder_class:
        return total
    indexes = {}
    for model in models:
        model_index = backend.get_index_for_model(model)
        indexes.setdefault(model_index.get_key(), (model_index, []))[1].append(model)
    for model_index, index_models in indexes.values():
        rebuilder = backend.rebuilder_class(model_index)
        model_index = rebuilder.start()
        for model in index_models:
            model_index.add_model(model)
        for model in index_models:
            objects = model.get_indexed_objects().order_by("pk")
            for chunk in _chunks(objects, chunk_size):
                model_index.add_items(model, chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        rebuilder.finish()
    return total


def _chunks(queryset, size):
    last_pk = None
    while True:
        chunk = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        chunk = list(chunk[:size])
        if not chunk:
            return
        yield chunk
        last_pk = chunk[-1].pk
