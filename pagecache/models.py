from django.db import models


class Generation(models.Model):
    """The current generation of one scope of cached content: the whole network, or one site.

    Everything cached from a scope is stored under its generation; a change gives the scope a
    new one, and what was cached before is never read again. The generations live in the
    database, not in the cache: they change in the same transaction as the content, and every
    process (gunicorn workers with their own local-memory cache) reads the same ones.
    """

    scope = models.CharField(max_length=40, primary_key=True)
    value = models.CharField(max_length=32)

    def __str__(self):
        return f"{self.scope}={self.value}"
