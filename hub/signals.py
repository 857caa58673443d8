"""The hub's listings, for the page cache's purge of a CDN in front."""

from pagecache import registry as pagecache

pagecache.listings("hub:catalogue", "hub:reusable")
