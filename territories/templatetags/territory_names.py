"""``{{ name|with_article }}`` and ``{{ name|of_name }}``: a territory's name inside a French
sentence (territories/naming.py). The sentence's msgid has a context saying so, since in
French the value brings its own article or « de »."""

from django import template

from .. import naming

register = template.Library()


@register.filter
def with_article(name):
    return naming.with_article(name)


@register.filter
def of_name(name):
    return naming.of_name(name)
