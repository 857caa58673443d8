"""A territory's accounts and invitations: one place for each rule, used by the admin
screens (member_views.py), the public acceptance page (views.py) and create_territory.

Only the territory's own three role groups are ever written here: never the superuser or
staff flags, another territory's groups or the network group. Superusers and the network's
accounts are not the territory's to manage: they are neither listed nor changed.
"""

import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import Invitation, Territory
from .permissions import TERRITORY_ROLES, network_group_name
from .private_links import hash_token

logger = logging.getLogger(__name__)

INVITATION_VALIDITY = timedelta(days=7)
# Invitations a territory may send per hour: enough for a team, not for a spam run.
INVITATIONS_PER_HOUR = 20
ROLES = {role.key: role for role in TERRITORY_ROLES}
ADMINISTRATION_KEY = "administration"


def validity_days():
    return INVITATION_VALIDITY.days


# Who manages what ------------------------------------------------------------------------


def administered_territories(user):
    """The territories whose accounts ``user`` may manage: those whose Administration group
    holds them; every territory for a superuser. Nobody else (the network group neither)."""
    if not user.is_authenticated or not user.is_active:
        return Territory.objects.none()
    if user.is_superuser:
        return Territory.objects.all()
    return Territory.objects.filter(administrators__user=user)


def territory_accounts(territory):
    """The accounts holding one of the territory's roles, superusers and the network's
    accounts left out. Each carries ``territory_groups`` (its groups of this territory):
    ``roles_of`` reads them, so a listing costs the same queries whatever its length."""
    group_ids = [group.pk for group in territory.role_groups().values()]
    return (
        get_user_model()
        .objects.filter(groups__in=group_ids, is_superuser=False)
        .exclude(groups__name=network_group_name())
        .distinct()
        .prefetch_related(
            Prefetch(
                "groups",
                queryset=Group.objects.filter(pk__in=group_ids),
                to_attr="territory_groups",
            )
        )
        .order_by("last_name", "first_name", "email", "pk")
    )


def roles_of(territory, user):
    """The keys of the roles ``user`` holds in the territory, in declaration order."""
    if hasattr(user, "territory_groups"):
        held = {group.pk for group in user.territory_groups}
    else:
        held = set(user.groups.values_list("pk", flat=True))
    groups = territory.role_groups()
    return [key for key in ROLES if groups[key].pk in held]


def role_labels(keys):
    return [str(ROLES[key].label) for key in keys if key in ROLES]


def pending_invitations(territory):
    """Invitations sent and still usable: neither accepted, cancelled nor expired."""
    return territory.invitations.filter(
        accepted_at=None, cancelled_at=None, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def active_administrators(territory):
    return territory_accounts(territory).filter(is_active=True, groups=territory.administrators)


# Invitations -------------------------------------------------------------------------------


def clean_roles(roles):
    roles = list(dict.fromkeys(roles or ()))
    unknown = [role for role in roles if role not in ROLES]
    if unknown:
        raise ValidationError(
            {"roles": _("Unknown role: %(roles)s.") % {"roles": ", ".join(map(str, unknown))}}
        )
    return [key for key in ROLES if key in roles]


def normalised_email(email):
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid email address.")}) from None
    return email


def accounts_with_email(email):
    # The address only: a user name that looks like an address proves nothing about its owner.
    return get_user_model().objects.filter(email__iexact=email)


def validate_invitee(email):
    """Refusals that do not depend on the territory (create_territory asks them before
    opening anything): a malformed address, a superuser's, a network account's, a
    deactivated account's. Returns the normalised address."""
    email = normalised_email(email)
    accounts = accounts_with_email(email)
    if accounts.filter(is_superuser=True).exists():
        raise ValidationError(
            {"email": _("This address belongs to a network administrator, who needs no role.")}
        )
    if accounts.filter(groups__name=network_group_name()).exists():
        raise ValidationError(
            {
                "email": _(
                    "This address belongs to the network team, which already reaches every "
                    "territory."
                )
            }
        )
    if accounts.filter(is_active=False).exists():
        raise ValidationError(
            {
                "email": _(
                    "This address belongs to a deactivated account: ask the network's "
                    "administrators to reactivate it."
                )
            }
        )
    return email


def invite(territory, email, roles, invited_by, first_name="", last_name=""):
    """Invite ``email`` into ``roles`` of the territory: an invitation valid a week, sent by
    email. A pending invitation of the same address to the same territory is cancelled."""
    errors = {}
    try:
        email = validate_invitee(email)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        roles = clean_roles(roles)
        if not roles:
            errors["roles"] = [_("Choose at least one role.")]
    except ValidationError as error:
        errors.update(error.message_dict)
    if not errors:
        account = accounts_with_email(email).first()
        if account is not None and roles_of(territory, account):
            errors["email"] = [
                _(
                    "%(email)s already has an account in this territory: change its roles in "
                    "the list instead."
                )
                % {"email": email}
            ]
    if errors:
        raise ValidationError(errors)

    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        # Locked: two administrators inviting at once are counted one after the other.
        Territory.objects.select_for_update().filter(pk=territory.pk).first()
        now = timezone.now()
        check_invitation_rate(territory, now)
        pending(territory, email).update(cancelled_at=now)
        invitation = Invitation.objects.create(
            territory=territory,
            email=email,
            first_name=(first_name or "").strip()[:150],
            last_name=(last_name or "").strip()[:150],
            roles=roles,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=now + INVITATION_VALIDITY,
        )
        log(
            instance=territory,
            action="territories.invite",
            user=invited_by,
            data={"email": email, "roles": roles},
        )
        # Sent once committed: a rolled back invitation must never be mailed. Until then,
        # ``invitation.delivered`` is None; then True, or False if it was cancelled.
        invitation.delivered = None
        transaction.on_commit(lambda: deliver(invitation, token))
    return invitation


def check_invitation_rate(territory, now):
    sent = territory.invitations.filter(created_at__gt=now - timedelta(hours=1)).count()
    if sent >= INVITATIONS_PER_HOUR:
        raise ValidationError(
            ngettext(
                "This territory has already sent %(count)d invitation in the last hour: wait a "
                "little before sending more.",
                "This territory has already sent %(count)d invitations in the last hour: wait "
                "a little before sending more.",
                sent,
            )
            % {"count": sent},
            code="throttled",
        )


def deliver(invitation, token):
    """Mail the invitation; if the mail server fails, cancel it (a link nobody received must
    not look sent) and say so through ``invitation.delivered``."""
    try:
        send_invitation(invitation, token)
    except (OSError, smtplib.SMTPException):
        logger.exception(
            "The invitation %s to %s could not be sent", invitation.pk, invitation.email
        )
        invitation.cancelled_at = timezone.now()
        Invitation.objects.filter(pk=invitation.pk).update(cancelled_at=invitation.cancelled_at)
        invitation.delivered = False
    else:
        invitation.delivered = True


def delivery_failed_message(invitation):
    return _(
        "The invitation to %(email)s could not be sent: the mail server did not answer. It was "
        "cancelled; try again later."
    ) % {"email": invitation.email}


def pending(territory, email):
    return Invitation.objects.filter(
        territory=territory, email__iexact=email, accepted_at=None, cancelled_at=None
    )


def invitation_url(token):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("invitations:accept", args=[token])


def send_invitation(invitation, token):
    # In the site's default language, as the acceptance page is.
    with translation.override(settings.LANGUAGE_CODE):
        inviter = invitation.invited_by
        context = {
            "invitation": invitation,
            "territory": invitation.territory,
            "roles": role_labels(invitation.roles),
            "inviter": (inviter.get_full_name() or inviter.email or inviter.get_username())
            if inviter
            else "",
            "url": invitation_url(token),
            "expires_at": invitation.expires_at,
        }
        subject = _("Invitation to the %(territory)s space") % {
            "territory": invitation.territory.name
        }
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("territories/invitation_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[invitation.email],
        )
        message.attach_alternative(
            render_to_string("territories/invitation_email.html", context), "text/html"
        )
        message.send()


def find_invitation(token, queryset=None):
    """The usable invitation of ``token``, or a ValidationError saying why not. An unknown
    token and a used one get the same answer: neither tells whether the link ever existed."""
    queryset = queryset if queryset is not None else Invitation.objects.all()
    invitation = (
        queryset.select_related("territory", "invited_by")
        .filter(token_hash=hash_token(token or ""))
        .first()
    )
    if invitation is None or invitation.accepted_at is not None:
        raise ValidationError(
            _(
                "This invitation link is not valid (any more). If you have already used it, "
                "sign in with your email address and password."
            ),
            code="invalid",
        )
    if invitation.cancelled_at is not None:
        raise ValidationError(
            _(
                "This invitation was cancelled. Ask the territory's administrator for a new "
                "one if needed."
            ),
            code="cancelled",
        )
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _(
                "This invitation has expired (it was valid for %(days)d days). Ask the "
                "territory's administrator to send a new one."
            )
            % {"days": validity_days()},
            code="expired",
        )
    return invitation


def existing_account(invitation):
    """The active account the invitation's address already has, if any."""
    return accounts_with_email(invitation.email).filter(is_active=True).first()


@transaction.atomic
def accept(token, password, request=None):
    """Accept an invitation: create the account with ``password`` (checked by the password
    validators), or, when the address already has one, check that ``password`` is its
    password; then add the invited roles of the territory. Returns the account."""
    # Locked, and every check made on the locked row: two tabs posting at once accept once,
    # and an invitation cancelled meanwhile is not accepted.
    # Only the invitation's row: PostgreSQL locks no row of an outer join (the inviter).
    invitation = find_invitation(token, Invitation.objects.select_for_update(of=("self",)))
    if accounts_with_email(invitation.email).filter(is_active=False).exists():
        raise ValidationError(
            _(
                "The account of this address is deactivated: ask the network's administrators "
                "to reactivate it."
            ),
            code="inactive",
        )
    user = existing_account(invitation)
    if user is None:
        user = new_account(invitation, password)
    if not password_matches(user, password, request):
        raise ValidationError(
            {
                "password": _("This is not the password of the account %(email)s.")
                % {"email": invitation.email}
            }
        )
    groups = invitation.territory.role_groups()
    user.groups.add(*(groups[key] for key in clean_roles(invitation.roles)))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log(
        instance=invitation.territory,
        action="territories.accept",
        user=user,
        data={"email": invitation.email, "roles": invitation.roles},
    )
    return user


def new_account(invitation, password):
    """The account of the invitation's address, created with ``password``. If the address got
    an account meanwhile (another invitation accepted at the same moment), that one: its
    password is then checked like any existing account's."""
    user = get_user_model()(
        username=invitation.email.lower(),
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
    )
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        existing = existing_account(invitation)
        if existing is not None:
            return existing
        # The user name is taken by an account with another address.
        raise ValidationError(
            _(
                "Another account already uses %(email)s as its user name: ask the network's "
                "administrators to sort it out."
            )
            % {"email": invitation.email},
            code="conflict",
        ) from None
    # Just created with this password: no need to check it again.
    user.created_now = True
    return user


def password_matches(user, password, request):
    if getattr(user, "created_now", False):
        return True
    if request is None:
        return user.check_password(password)
    # Through the authentication backends, so that django-axes counts the failures.
    return authenticate(request, username=user.get_username(), password=password) == user


def cancel_invitation(territory, invitation, by):
    if invitation.territory_id != territory.pk:
        raise ValidationError(_("This invitation is not one of this territory's."))
    if invitation.accepted_at is not None or invitation.cancelled_at is not None:
        raise ValidationError(_("This invitation is no longer pending."))
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    log(
        instance=territory,
        action="territories.cancel_invitation",
        user=by,
        data={"email": invitation.email, "roles": invitation.roles},
    )


# Accounts ---------------------------------------------------------------------------------


def account_of(territory, user):
    """``user`` as one of the territory's accounts, or a ValidationError."""
    account = territory_accounts(territory).filter(pk=user.pk).first()
    if account is None:
        raise ValidationError(_("This account is not one of this territory's."))
    return account


def is_last_active_administrator(territory, user):
    if not user.is_active or ADMINISTRATION_KEY not in roles_of(territory, user):
        return False
    return not active_administrators(territory).exclude(pk=user.pk).exists()


@transaction.atomic
def set_roles(territory, user, roles, by):
    """Make ``user``'s roles in the territory exactly ``roles`` (none: they leave it)."""
    lock(territory)
    account = account_of(territory, user)
    roles = clean_roles(roles)
    before = roles_of(territory, account)
    if ADMINISTRATION_KEY in before and ADMINISTRATION_KEY not in roles:
        if by is not None and by.pk == account.pk:
            raise ValidationError({"roles": _("You cannot remove your own Administration role.")})
        if is_last_active_administrator(territory, account):
            raise ValidationError(
                {
                    "roles": _(
                        "This is the territory's last active administrator: give the "
                        "Administration role to someone else first."
                    )
                }
            )
    groups = territory.role_groups()
    account.groups.remove(*(groups[key] for key in before if key not in roles))
    account.groups.add(*(groups[key] for key in roles if key not in before))
    if roles != before:
        log(
            instance=territory,
            action="territories.set_roles",
            user=by,
            data={
                "email": account.email,
                "username": account.get_username(),
                "roles": roles,
                "previous_roles": before,
            },
        )
    return roles


def other_memberships(territory, user):
    """Whether ``user`` has groups beyond this territory's (another territory, the network)."""
    own = [group.pk for group in territory.role_groups().values()]
    return user.groups.exclude(pk__in=own).exists()


def lock(territory):
    """Lock the territory's row until the transaction ends: two changes to its administrators
    at once (each seeing the other still there) cannot leave it with none."""
    Territory.objects.select_for_update().filter(pk=territory.pk).first()


@transaction.atomic
def deactivate(territory, user, by):
    lock(territory)
    account = account_of(territory, user)
    if by is not None and by.pk == account.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if other_memberships(territory, account):
        raise ValidationError(
            _(
                "This account also belongs to another territory or to the network team: "
                "remove its roles here instead."
            )
        )
    if not account.is_active:
        raise ValidationError(_("This account is already deactivated."))
    if is_last_active_administrator(territory, account):
        raise ValidationError(
            _(
                "This is the territory's last active administrator: give the Administration "
                "role to someone else first."
            )
        )
    set_active(territory, account, False, by=by)


def set_active(territory, account, active, by):
    """Deactivate or reactivate, logged on the territory with the account's id (which
    ``deactivated_here`` reads back)."""
    account.is_active = active
    account.save(update_fields=["is_active"])
    log(
        instance=territory,
        action="territories.reactivate" if active else "territories.deactivate",
        user=by,
        data={"email": account.email, "username": account.get_username(), "user_id": account.pk},
    )


def deactivated_here(territory, account):
    """Whether the account's last deactivation was this territory's: its latest own
    deactivation or reactivation (whatever the territory) is a deactivation from this one,
    and nothing was done to the account itself since (Wagtail's users screens log there)."""
    last = (
        ModelLogEntry.objects.filter(
            action__in=["territories.deactivate", "territories.reactivate"],
            data__user_id=account.pk,
        )
        .order_by("-timestamp", "-pk")
        .first()
    )
    if last is None or last.action != "territories.deactivate":
        return False
    if last.content_type.model_class() is not Territory or last.object_id != str(territory.pk):
        return False
    since = ModelLogEntry.objects.for_instance(account).filter(timestamp__gt=last.timestamp)
    return not since.exists()


@transaction.atomic
def reactivate(territory, user, by):
    account = account_of(territory, user)
    if other_memberships(territory, account):
        raise ValidationError(
            _(
                "This account also belongs to another territory or to the network team: "
                "only the network's administrators may reactivate it."
            )
        )
    if account.is_active:
        raise ValidationError(_("This account is already active."))
    # A lockout by the network is the network's to lift.
    if not (by is not None and by.is_superuser) and not deactivated_here(territory, account):
        raise ValidationError(
            _("This account was deactivated by the network team: ask them to reactivate it.")
        )
    set_active(territory, account, True, by=by)
