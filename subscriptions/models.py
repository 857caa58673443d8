"""Who follows a territory's news or a project's by email, and which news went out.

An address is personal data: stored only to send what its owner asked for, erased when they
unsubscribe or when they never confirm (services.purge_unconfirmed), never listed in the admin
(the dashboard counts them).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Each news item, as soon as it is published")
    DAILY = "daily", _("A daily digest")


class Subscription(models.Model):
    email = models.EmailField(_("email"))
    territory = models.ForeignKey(
        "territories.Territory",
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("territory"),
    )
    # None: the territory's news; a project: the news that name it.
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("project"),
    )
    # The language of the page it was asked from: the emails and the news are in it.
    language = models.CharField(_("language"), max_length=10)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(_("created on"), default=timezone.now)
    # When the last confirmation (or reminder) email was sent: the link is valid 48 hours
    # from it, and an unconfirmed address is erased 7 days after it.
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    # sha256 of the confirmation link's token: the token itself is only in the email.
    confirmation_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Mixed into the unsubscribe links' HMAC: a link dies with its row, even if an id is
    # reused after an erasure.
    nonce = models.CharField(max_length=32)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email subscription")
        verbose_name_plural = _("email subscriptions")
        constraints = [
            # Two constraints: NULLs are distinct in a unique index (SQLite and PostgreSQL).
            models.UniqueConstraint(
                fields=["email", "territory"],
                condition=Q(project=None),
                name="subscriptions_one_per_territory",
            ),
            models.UniqueConstraint(
                fields=["email", "territory", "project"],
                condition=Q(project__isnull=False),
                name="subscriptions_one_per_project",
            ),
        ]
        indexes = [models.Index(fields=["territory", "confirmed_at"])]

    def __str__(self):
        return f"subscription {self.pk}"


class SentNews(models.Model):
    """A news item (all its language versions: one ``translation_key``) taken for sending.

    Created before anything is sent: the unique key makes a second run, concurrent or later,
    skip it, whatever happens to the page afterwards (republished, translated, moved).
    """

    news_key = models.UUIDField(unique=True)
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )
    # When the news item was first published: only those confirmed before get it.
    published_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The translation keys of the projects it names, for the daily digests.
    project_keys = models.JSONField(default=list)
    recipients = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.news_key)
