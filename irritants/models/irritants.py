"""Irritants: the everyday problems agents report in answer to a call, and their review."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, BaseLogEntryManager

from territories.models import Territory


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    SELECTED = "selected", _("Selected (pre-incubation)")
    NOT_SELECTED = "not_selected", _("Not selected")
    DUPLICATE = "duplicate", _("Duplicate")


# The review's path: received → under review → one of the three outcomes. An outcome can be
# reopened for review, which the history then shows.
TRANSITIONS = {
    Status.RECEIVED: {Status.UNDER_REVIEW, Status.DUPLICATE, Status.NOT_SELECTED},
    Status.UNDER_REVIEW: {Status.SELECTED, Status.NOT_SELECTED, Status.DUPLICATE},
    Status.SELECTED: {Status.UNDER_REVIEW},
    Status.NOT_SELECTED: {Status.UNDER_REVIEW},
    Status.DUPLICATE: {Status.UNDER_REVIEW},
}

# Each criterion is scored from 0 (not at all) to 3 (strongly).
CRITERION_MAX = 3
CRITERIA = ("recurrence_score", "consequences_score", "people_score")

# Without 0/O and 1/I, so that a reference read over the phone is not misheard.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference():
    letters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"IRR-{letters[:4]}-{letters[4:]}"


def attachment_path(instance, filename):
    # A random name: the submitter's file name may carry personal data, and a guessable
    # path must never lead to someone else's file.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"irritants/{instance.reference}/{secrets.token_hex(8)}.{extension}"


def score_field(label, help_text):
    return models.PositiveSmallIntegerField(
        label,
        null=True,
        blank=True,
        validators=[MaxValueValidator(CRITERION_MAX)],
        choices=[(0, _("0 — not at all")), (1, "1"), (2, "2"), (3, _("3 — strongly"))],
        help_text=help_text,
    )


def reviewed_territory_ids(user):
    """The territories whose irritants a user reviews: those whose publishers' group they are
    in (cached on the user). The one rule behind the listing, the log and the permissions."""
    if not hasattr(user, "_reviewed_territory_ids"):
        user._reviewed_territory_ids = set(
            Territory.objects.filter(publishers__user=user).values_list("pk", flat=True)
        )
    return user._reviewed_territory_ids


class IrritantQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The irritants a user may review; superusers review every territory's."""
        if user.is_superuser:
            return self
        return self.filter(territory_id__in=reviewed_territory_ids(user))


class Irritant(models.Model):
    reference = models.CharField(
        _("reference"), max_length=14, unique=True, default=new_reference, editable=False
    )
    territory = models.ForeignKey(
        "territories.Territory",
        on_delete=models.PROTECT,
        related_name="irritants",
        verbose_name=_("territory"),
        editable=False,
    )
    # Kept when the call page is deleted: a submission outlives the page that collected it.
    call = models.ForeignKey(
        "irritants.CallForIrritantsPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="irritants",
        verbose_name=_("call"),
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted on"), auto_now_add=True, db_index=True)

    # The problem, as the agent describes it.
    title = models.CharField(_("title"), max_length=150)
    problem = models.TextField(_("the problem"), max_length=3000)
    consequences = models.TextField(_("consequences for users"), max_length=3000)
    people_affected = models.CharField(_("users affected"), max_length=300)
    service = models.CharField(
        _("service concerned"),
        max_length=150,
        help_text=_("The service where the agent sees the problem."),
    )
    solution_idea = models.TextField(_("idea of a solution"), max_length=3000, blank=True)
    # Its files: IrritantAttachment (models/attachments.py).

    # Personal data, erased by purge_irritants once the retention period is over.
    submitter_name = models.CharField(_("name"), max_length=120)
    submitter_email = models.EmailField(_("work email"), max_length=254)
    submitter_service = models.CharField(_("submitter's service"), max_length=150)
    consent_at = models.DateTimeField(_("consent given on"))
    anonymised_at = models.DateTimeField(_("personal data erased on"), null=True, blank=True)

    # The review.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    recurrence_score = score_field(_("recurring"), _("Does the problem come back often?"))
    consequences_score = score_field(
        _("consequences"), _("Does it have direct consequences for citizens?")
    )
    people_score = score_field(_("people affected"), _("Does it affect many people?"))
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        max_length=10000,
        help_text=_("Seen only by the territory's team, never published."),
    )
    public_answer = models.TextField(
        _("answer to the submitter"),
        blank=True,
        max_length=5000,
        help_text=_("Sent by email to the agent when you save a new or changed answer."),
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="irritants",
        verbose_name=_("project"),
        editable=False,
    )

    # The agent's follow-up page: only the sha256 of its key is kept (the key is in the
    # acknowledgement email); erased with the personal data, which ends the link.
    followup_token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    notifications_stopped_at = models.DateTimeField(
        _("emails to the agent stopped on"), null=True, blank=True, editable=False
    )
    # What the agent was last told about the project: None until its first publication was
    # announced, then its phase and number of decisions at that time.
    notified_project_phase = models.CharField(max_length=20, blank=True, editable=False)
    notified_project_decisions = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False
    )

    objects = IrritantQuerySet.as_manager()

    class Meta:
        verbose_name = _("irritant")
        verbose_name_plural = _("irritants")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    @property
    def score(self):
        """The criteria's total out of 9, or None until one criterion is scored."""
        values = [getattr(self, name) for name in CRITERIA]
        if all(value is None for value in values):
            return None
        return sum(value or 0 for value in values)

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    @property
    def may_be_notified(self):
        """Whether the agent is still emailed about this irritant."""
        return (
            not self.is_anonymised
            and self.notifications_stopped_at is None
            and bool(self.submitter_email)
        )


class StatusChange(models.Model):
    """One step of an irritant's review: who moved it, from what, to what, and when."""

    irritant = models.ForeignKey(Irritant, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    changed_at = models.DateTimeField(_("on"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.irritant_id}: {self.from_status} → {self.to_status}"


class IrritantLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk), territory_id=instance.territory_id)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        # Wagtail's default shows every entry of a model to anyone holding a permission on it:
        # the site history would list other territories' irritants.
        if user.is_superuser:
            return self.all()
        return self.filter(territory_id__in=reviewed_territory_ids(user))


class IrritantLogEntry(BaseLogEntry):
    """The admin's log of irritants, kept per territory (it outlives a deleted irritant)."""

    object_id = models.CharField(max_length=255, db_index=True)
    territory = models.ForeignKey(
        "territories.Territory", on_delete=models.CASCADE, related_name="+"
    )

    objects = IrritantLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("irritant log entry")
        verbose_name_plural = _("irritant log entries")
