"""Where projects' shared content shows, for the page cache."""

from pagecache import registry as pagecache

from .models import Theme, UserType

# Themes and user types are the network's: every site's filters and project pages show them.
pagecache.shared_content(Theme, UserType)
pagecache.listings(
    "projects:news_rss",
    "projects:news_atom",
    "projects:api_projects",
    "projects:api_projects_csv",
    "projects:api_territories",
)
