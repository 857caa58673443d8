"""What happens to an irritant, in one place for the public form, the admin and the commands."""

import calendar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from projects.models import ProjectIndexPage, ProjectPage
from projects.services import add_draft_project
from territories.emails import send_email
from territories.models import Territory, TerritorySettings
from territories.permissions import reviewers_of

from . import followup, notifications
from .attachments import delete_files
from .models import TRANSITIONS, Irritant, Status, StatusChange

# Submitting ----------------------------------------------------------------------------


def retention_months(territory):
    return TerritorySettings.for_site(territory.site).irritant_retention_months


def form_terms(call):
    """What the call's form promises and accepts: the months its territory keeps irritants
    and its agents' email domains (territories/email_domains.py), its settings read once;
    empty for a call outside any territory."""
    territory = Territory.of_page(call)
    if territory is None:
        return ()
    site_settings = TerritorySettings.for_site(territory.site)
    return site_settings.irritant_retention_months, site_settings.email_domains


def submit_irritant(call, form):
    """Store a valid public form's submission and tell everyone concerned."""
    with transaction.atomic():
        irritant = form.save(commit=False)
        irritant.territory = Territory.of_page(call)
        irritant.call = call
        irritant.consent_at = timezone.now()
        token = followup.issue_token(irritant)
        irritant.save()
        form.save_m2m()  # its attachments
        StatusChange.objects.create(irritant=irritant, to_status=irritant.status)
    send_acknowledgement(irritant, token)
    notify_publishers(irritant)
    return irritant


def send_acknowledgement(irritant, token):
    """The agent's receipt, with the only copy of their follow-up link."""
    notifications.send_acknowledgement(irritant, token, retention_months(irritant.territory))


def issue_followup_link(irritant):
    """A new follow-up link for the agent (support, the demo): the previous one stops working.
    Returns the link, or None for a purged irritant (its page no longer exists)."""
    if irritant.is_anonymised:
        return None
    token = followup.issue_token(irritant)
    irritant.save(update_fields=["followup_token_hash"])
    return followup.followup_url(irritant, token)


def notify_publishers(irritant):
    recipients = list(
        reviewers_of(irritant.territory).exclude(email="").values_list("email", flat=True)
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New irritant for %(call)s: %(title)s") % {
            "call": irritant.call.title if irritant.call else irritant.territory.name,
            "title": irritant.title,
        }
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "irritants:edit", args=[irritant.pk]
    )
    context = {"irritant": irritant, "admin_url": admin_url}
    send_email(subject, "irritants/emails/new_irritant.txt", context, recipients)


# Reviewing -----------------------------------------------------------------------------


def check_transition(irritant, new_status, duplicate_of):
    """Raise ValidationError (per field) when the review may not move this way."""
    old_status = irritant.status
    if new_status != old_status and new_status not in TRANSITIONS[old_status]:
        raise ValidationError(
            {
                "status": _("An irritant cannot go from “%(old)s” to “%(new)s”.")
                % {
                    "old": irritant.get_status_display(),
                    "new": Status(new_status).label,
                }
            }
        )
    if new_status == Status.DUPLICATE:
        if duplicate_of is None:
            raise ValidationError({"duplicate_of": _("Choose the irritant this one duplicates.")})
        if duplicate_of.pk == irritant.pk or duplicate_of.territory_id != irritant.territory_id:
            raise ValidationError(
                {"duplicate_of": _("Choose another irritant of the same territory.")}
            )


@transaction.atomic
def review_irritant(irritant, user, *, previous_status, previous_answer):
    """Save an irritant edited by the team: history of its status, and the answer sent."""
    if irritant.status != Status.DUPLICATE:
        irritant.duplicate_of = None
    answer_changed = irritant.public_answer.strip() and irritant.public_answer != previous_answer
    if answer_changed:
        irritant.answered_at = timezone.now()
    irritant.save()
    status_changed = irritant.status != previous_status
    if status_changed:
        StatusChange.objects.create(
            irritant=irritant,
            from_status=previous_status,
            to_status=irritant.status,
            changed_by=user,
        )
    if status_changed or answer_changed:
        # One email for one save, whatever it changed, once the change is committed.
        transaction.on_commit(
            lambda: notifications.send_review_update(
                irritant, status_changed=status_changed, answer_changed=bool(answer_changed)
            )
        )
    return irritant


def projects_index_of(territory):
    return ProjectIndexPage.objects.descendant_of(territory.home).first()


@transaction.atomic
def create_project(irritant, user):
    """A draft project page in the irritant's territory, prefilled from the problem.

    Raises PermissionDenied when the user may not add a project there, ValidationError when
    the territory has no projects index or the irritant already has its project.
    """
    # Locked, so that a double click cannot create two projects.
    irritant = Irritant.objects.select_for_update().get(pk=irritant.pk)
    if irritant.project_id:
        raise ValidationError(_("This irritant already has its project."))
    index = projects_index_of(irritant.territory)
    if index is None:
        raise ValidationError(_("The territory has no projects page to add the project to."))
    if not index.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    with translation.override(settings.LANGUAGE_CODE):
        solution = irritant.solution_idea or _("To be written by the team.")
        consequences_label = _("Consequences for users:")
        affected_label = _("Users affected:")
        project = ProjectPage(
            title=irritant.title,
            slug=slugify(irritant.title)[:80].strip("-") or irritant.reference.lower(),
            pitch=irritant.title[:200],
            problem=_as_rich_text(
                f"{irritant.problem}\n{consequences_label} {irritant.consequences}"
                f"\n{affected_label} {irritant.people_affected}"
            ),
            solution=_as_rich_text(solution),
            sponsor_service=irritant.service,
        )
    add_draft_project(index, project, user)
    irritant.project = project
    irritant.save(update_fields=["project"])
    transaction.on_commit(lambda: notifications.send_project_created(irritant))
    return project


def _as_rich_text(text):
    """Plain text typed by an agent as rich text the editor opens: one escaped paragraph per
    line (a <br> inside a paragraph is what Draftail's converter cannot read back)."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


# Personal data -------------------------------------------------------------------------


def months_before(moment, months):
    """The same day ``months`` earlier, or that month's last day when it is shorter."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def purge_expired(now=None):
    """Erase the submitter's data of irritants older than their territory's retention period.

    Returns {territory: number of irritants anonymised}. Safe to run again: already
    anonymised irritants are skipped.
    """
    now = now or timezone.now()
    touched = {}
    for territory in Territory.objects.select_related("site"):
        limit = months_before(now, retention_months(territory))
        expired = Irritant.objects.filter(
            territory=territory, submitted_at__lt=limit, anonymised_at__isnull=True
        )
        count = 0
        for irritant in expired.iterator():
            anonymise(irritant, now)
            count += 1
        touched[territory] = count
    return touched


def anonymise(irritant, now):
    delete_files(irritant)
    irritant.submitter_name = ""
    irritant.submitter_email = ""
    irritant.submitter_service = ""
    # The follow-up page goes with the personal data.
    irritant.followup_token_hash = None
    irritant.anonymised_at = now
    irritant.save(
        update_fields=[
            "submitter_name",
            "submitter_email",
            "submitter_service",
            "followup_token_hash",
            "anonymised_at",
        ]
    )
