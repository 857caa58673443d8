import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub.sitemaps import robots_txt, sitemap
from territories.favicon import favicon

# A database outage answers 503 with Retry-After; any other error, the 500 page in the
# failing site's identity (the 404 page gets it from base.html).
handler500 = "operations.views.server_error"

urlpatterns = [
    path("", include("operations.urls")),
    # One of each per site, for every language of the site (hence outside i18n_patterns).
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("invitation/", include("territories.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA:
    # Development and `make serve` only (site/settings.py); django.conf.urls.static.static()
    # would add nothing with DEBUG off.
    from django.views.static import serve as serve_media

    # Renditions only: documents and original images go through Wagtail's views, which
    # apply the collections' privacy (a territory in preparation).
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>images/.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# French, the default language, has no prefix; other content languages live under /<code>/.
urlpatterns += i18n_patterns(
    path("recherche/", include("search.urls")),
    path("suivi/", include("irritants.urls")),
    path("abonnement/", include("subscriptions.urls")),
    path("", include("hub.urls")),
    path("", include("projects.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
