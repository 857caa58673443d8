import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the apps: 200,000 objects) lives as long as the
# process: left out of the cycle collector's full passes, each of which would walk it again
# (about 140 ms on the 2-core machine). What is loaded on the first requests (the URLs, the
# templates) is not, which the collector's passes still walk.
gc.collect()
gc.freeze()
