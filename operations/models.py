"""The counters of the forms' rate limit (ratelimit.py) when no Redis is shared by the workers."""

from django.db import models


class RateLimitCounter(models.Model):
    """Attempts from one client address in the current window of one scope.

    The key is a hash: the table never holds a client's address (it is in every backup).
    """

    key = models.CharField(max_length=64, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.key[:12]}… {self.count}"
