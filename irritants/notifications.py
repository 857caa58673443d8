"""What the agent who reported an irritant is told, by email, until they say stop.

Each email carries the unsubscribe link (and its List-Unsubscribe header). The follow-up link
itself is only in the acknowledgement: its key is not stored, so later emails point to it.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from home.privacy import is_public
from projects.models import ProjectDecision
from territories.emails import build_email, send_emails

from . import followup
from .models import Irritant, Status

# The review's outcomes the agent hears about; the steps before them are on the page only.
OUTCOMES = {Status.SELECTED, Status.NOT_SELECTED, Status.DUPLICATE}


def _subject(text, **values):
    """``text``, marked with gettext_lazy where it is written, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text) % values


def _email(irritant, subject, template, **context):
    return build_email(
        subject,
        template,
        {"irritant": irritant, "territory": irritant.territory, **context},
        irritant.submitter_email,
        unsubscribe_url=followup.unsubscribe_url(irritant),
    )


def send_acknowledgement(irritant, token, retention_months):
    subject = _subject(
        gettext_lazy("Your irritant has been received (%(reference)s)"),
        reference=irritant.reference,
    )
    message = _email(
        irritant,
        subject,
        "irritants/emails/acknowledgement.txt",
        call_url=irritant.call.full_url if irritant.call else "",
        followup_url=followup.followup_url(irritant, token),
        retention_months=retention_months,
    )
    send_emails([message])


def send_review_update(irritant, *, status_changed, answer_changed):
    """One email for what one save of the review changed that the agent should know."""
    status_changed = status_changed and irritant.status in OUTCOMES
    if not (status_changed or answer_changed) or not irritant.may_be_notified:
        return 0
    if answer_changed:
        subject = _subject(
            gettext_lazy("Answer to your irritant %(reference)s"), reference=irritant.reference
        )
    else:
        subject = _subject(
            gettext_lazy("News of your irritant %(reference)s"), reference=irritant.reference
        )
    message = _email(
        irritant,
        subject,
        "irritants/emails/update.txt",
        status_changed=status_changed,
        answer_changed=answer_changed,
    )
    return send_emails([message])


def send_project_created(irritant):
    if not irritant.may_be_notified:
        return 0
    subject = _subject(
        gettext_lazy("A project is being prepared from your irritant %(reference)s"),
        reference=irritant.reference,
    )
    return send_emails([_email(irritant, subject, "irritants/emails/project_created.txt")])


# The project's progress ----------------------------------------------------------------


def project_published(page):
    """Called when a project page is published: tell the agents of its irritants what is new
    since they were last told (its first publication, a new phase, a new decision).

    What was told is recorded on each irritant, the emails leave once the publication is
    committed, and an agent behind several of its irritants gets one email.
    """
    irritants = list(
        Irritant.objects.filter(project_id=page.pk).select_related("territory", "call")
    )
    # A project citizens cannot see is news for nobody yet: it is told once it is public.
    if not irritants or not is_public(page):
        return
    phase = page.current_phase
    # From the database: the published instance may hold its decisions in memory only.
    recorded = ProjectDecision.objects.filter(page_id=page.pk).order_by("date", "pk")
    decisions = recorded.count()
    news_for = {}
    for irritant in irritants:
        news = _news(irritant, phase, decisions)
        if not news:
            continue
        Irritant.objects.filter(pk=irritant.pk).update(
            notified_project_phase=phase, notified_project_decisions=decisions
        )
        if irritant.may_be_notified:
            news_for.setdefault(irritant.submitter_email.lower(), []).append((irritant, news))
    if news_for:
        groups = list(news_for.values())
        latest = recorded.last()
        transaction.on_commit(lambda: _send_project_news(page, groups, latest))


def _news(irritant, phase, decisions):
    if irritant.notified_project_decisions is None:
        return {"published"}
    news = set()
    if phase != irritant.notified_project_phase:
        news.add("phase")
    if decisions > irritant.notified_project_decisions:
        news.add("decision")
    return news


def _send_project_news(page, groups, latest_decision):
    messages = []
    for group in groups:
        irritant = group[0][0]
        news = set().union(*(item[1] for item in group))
        subject = _subject(
            gettext_lazy("News of the project born from your irritant: %(title)s"), title=page.title
        )
        messages.append(
            _email(
                irritant,
                subject,
                "irritants/emails/project_news.txt",
                project=page,
                project_url=page.full_url,
                references=[item[0].reference for item in group],
                first_publication="published" in news,
                new_phase="phase" in news and page.current_phase,
                new_decision=latest_decision if "decision" in news else None,
            )
        )
    send_emails(messages)


# Stopping and resuming -----------------------------------------------------------------


def stop_notifications(irritant):
    """No more emails about this irritant, nor about the others its agent reported to the same
    territory (one click on "unsubscribe" means "stop emailing me"). Returns how many."""
    same_agent = Irritant.objects.filter(
        territory_id=irritant.territory_id,
        anonymised_at__isnull=True,
        notifications_stopped_at__isnull=True,
        submitter_email__iexact=irritant.submitter_email,
    )
    now = timezone.now()
    count = same_agent.update(notifications_stopped_at=now)
    Irritant.objects.filter(pk=irritant.pk, notifications_stopped_at__isnull=True).update(
        notifications_stopped_at=now
    )
    irritant.refresh_from_db(fields=["notifications_stopped_at"])
    return count


def resume_notifications(irritant):
    irritant.notifications_stopped_at = None
    irritant.save(update_fields=["notifications_stopped_at"])
