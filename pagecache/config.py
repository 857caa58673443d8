"""The CDN or caching proxy in front of the sites, from the environment (see the README).

Imported by the settings module: no Django models here.
"""

from django.core.exceptions import ImproperlyConfigured


def frontend_cache_backends(environ):
    """WAGTAILFRONTENDCACHE: the caches Wagtail purges when a page is published, unpublished
    or moved. Nothing by default (no cache in front)."""
    backends = {}
    purge_url = environ.get("FRONTEND_CACHE_PURGE_URL", "")
    if purge_url:
        # Varnish, nginx (proxy_cache_purge) or any proxy that understands PURGE requests.
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    token = environ.get("CLOUDFLARE_API_TOKEN", "")
    zone = environ.get("CLOUDFLARE_ZONE_ID", "")
    if bool(token) != bool(zone):
        raise ImproperlyConfigured(
            "Cloudflare purging needs both CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID."
        )
    if token:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": token,
            "ZONEID": zone,
        }
    distribution = environ.get("CLOUDFRONT_DISTRIBUTION_ID", "")
    if distribution:
        # Credentials come from boto3's usual sources (AWS_ACCESS_KEY_ID…, instance role).
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends
