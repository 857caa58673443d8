"""RSS 2.0 and Atom feeds of news: the network's on the hub, a territory's on its own site,
and one per project. Each serves the active language's pages: the items the same site's pages
list in that language (projects/queries.py)."""

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.privacy import published
from territories.scope import scope_for

from .models import NewsIndexPage
from .queries import news_feed, published_project


@dataclass
class FeedSource:
    title: str
    link: str
    description: str
    items: list


def feed_source(request, project_slug=None):
    """What a feed URL is about, with its items' full URLs resolved once."""
    scope = scope_for(request)
    if scope is None:
        raise Http404
    if project_slug is not None:
        project = published_project(scope.root, scope.locale, project_slug)
        if project is None:
            raise Http404
        items = news_feed(scope.locale, project=project)
        title = _("%(project)s — news") % {"project": project.title}
        link, description = project.get_full_url(request), project.pitch
    elif scope.territory is not None:
        items = news_feed(scope.locale, territory=scope.territory)
        index = published(NewsIndexPage.objects.child_of(scope.territory)).first()
        title = _("%(territory)s — news") % {"territory": scope.territory.title}
        link = (index or scope.territory).get_full_url(request)
        description = scope.territory.intro
    else:
        items = news_feed(scope.locale)
        title = _("News from the territorial startups network")
        link, description = scope.root.get_full_url(request), scope.root.intro
    for item in items:
        item.feed_link = item.get_full_url(request)
        item.feed_territory = scope.territory_of(item)
    return FeedSource(title=title, link=link, description=description or title, items=items)


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, project_slug=None):
        return feed_source(request, project_slug)

    def title(self, source):
        return source.title

    def link(self, source):
        return source.link

    def description(self, source):
        return source.description

    def items(self, source):
        return source.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        # News carry a day, not a time; feeds need both, so say the morning of that day.
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.feed_territory.title if item.feed_territory else None


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, source):
        return source.description
