from django import template

from home.languages import page_languages, view_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page (or view) in each language it exists in; see home/languages.py."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    if page is not None:
        return page_languages(request, page)
    match = request.resolver_match
    if match is None or match.url_name == "wagtail_serve":
        return None  # an error page: no other language to offer
    return view_languages(request)
