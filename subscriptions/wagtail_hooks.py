from wagtail import hooks

from home.sections import PageSection
from projects.models import NewsIndexPage, ProjectPage
from territories.panels import territory_panels

from . import services
from .dashboard import SubscribersPanel
from .views import feed_urls, subscribe_url

# « Suivre par courriel » and the feeds, on the pages of the layers below (home/sections.py):
# a link to the form page, never a form (a CSRF token would keep the page out of the cache).


FOLLOW_TEMPLATE = "subscriptions/includes/follow.html"


def follow_context(page, request):
    rss_url, atom_url = feed_urls(page)
    return {
        "subscribe_url": subscribe_url(page),
        "rss_url": rss_url,
        "atom_url": atom_url,
        "is_project": isinstance(page, ProjectPage),
    }


@hooks.register("register_page_section")
def follow_news_index():
    return PageSection(NewsIndexPage, "follow", FOLLOW_TEMPLATE, follow_context)


@hooks.register("register_page_section")
def follow_project():
    return PageSection(ProjectPage, "follow", FOLLOW_TEMPLATE, follow_context)


# Each minute, after scheduled publication (operations/scheduler.py): a news item that has
# just gone live goes out; the digests go once a day; unconfirmed addresses are erased.
@hooks.register("register_scheduled_job")
def send_subscribed_news():
    services.run()


# The count of subscribers on the dashboard of the territory's publishers and administrators
# (territories/panels.py arranges each territory's panels together).
@hooks.register("construct_homepage_panels")
def subscribers_on_dashboard(request, panels):
    panels.extend(territory_panels(request.user, [SubscribersPanel]))
