"""The email domains of a territory's agents: which addresses its public forms accept.

A territory lists them in its identity (``TerritorySettings.agent_email_domains``), one per
line or separated by commas. An address is accepted when its domain is one of them or a
subdomain of one (``agent@social.var.fr`` for ``var.fr``): administrations often give each
department its own subdomain. Domains are compared in their ASCII (IDNA) form, so that
``mairie-orléans.fr`` and ``xn--mairie-orlans-ihb.fr`` are the same domain.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import HelpPanel

SEPARATORS = re.compile(r"[\s,;]+")
validate_domain = DomainNameValidator()


def split_domains(text):
    """The domains of a list as typed: lowercase, without a leading "@" or trailing dot,
    each once, in the typed order. Not validated."""
    domains = []
    for item in SEPARATORS.split(text or ""):
        domain = item.strip().lstrip("@").rstrip(".").lower()
        if domain and domain not in domains:
            domains.append(domain)
    return domains


def normalise_domains(text):
    """The list stored: one valid domain per line. ValidationError naming the invalid ones."""
    domains = split_domains(text)
    invalid = [domain for domain in domains if not is_valid_domain(domain)]
    if invalid:
        raise ValidationError(
            _("These are not domain names: %(domains)s. Type only what follows the @.")
            % {"domains": ", ".join(invalid)},
            code="invalid_domain",
        )
    return "\n".join(domains)


def is_valid_domain(domain):
    try:
        validate_domain(domain)
        ascii_form(domain)
    except (ValidationError, UnicodeError):
        return False
    return "." in domain


def ascii_form(domain):
    return domain.encode("idna").decode("ascii").lower()


def address_allowed(email, domains):
    """Whether ``email`` belongs to one of ``domains`` or one of their subdomains; any
    address when there is no domain."""
    if not domains:
        return True
    _local, _at, domain = (email or "").rpartition("@")
    try:
        domain = ascii_form(domain.rstrip(".").lower())
    except UnicodeError:
        return False
    for allowed in domains:
        allowed = ascii_form(allowed)
        if domain == allowed or domain.endswith("." + allowed):
            return True
    return False


class NoDomainWarning(HelpPanel):
    """The identity screen's warning, shown while the territory lists no domain."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "content",
            gettext_lazy(
                "No domain is listed: the irritant form accepts any address, so anyone can "
                "have its acknowledgement sent to a stranger's mailbox. List your agents' "
                "domains to prevent it."
            ),
        )
        kwargs.setdefault("classname", "help-block help-warning no-email-domain")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return not split_domains(getattr(self.instance, "agent_email_domains", ""))
