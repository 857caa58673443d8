from django import template

from territories.dashboard import territory_site_name as site_name_of

register = template.Library()


@register.simple_tag
def territory_site_name(user):
    """The dashboard's title for a territory account (None for those who see the network)."""
    return site_name_of(user)
