"""The page editor's guardrails that need the request (home/forms.py holds the form's own).

- Publishing right after an automatic save: the admin's autosave creates the page, then
  points the form at the new page's edit view; a click on « Publier » before that switch
  posted the creation form again, and the second page was refused (« Le slug … est déjà
  utilisé »). Each creation form carries a key (``PageForm.creation_key``); the page a key
  created is remembered in the session, and the same form posted again edits that page.
- What a page lacks but may still be published with (``PageForm.publication_warnings``) is
  said as a warning once it is published or submitted.
"""

from django.contrib import messages
from wagtail import hooks
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from .forms import CREATION_KEY

SESSION_KEY = "home.created_pages"
# A session remembers the pages of its latest creation forms only.
REMEMBERED = 20


def _creation_key(request):
    key = request.POST.get("creation_key", "") if request.method == "POST" else ""
    return key if CREATION_KEY.match(key) else ""


def _remember_creation(request, page):
    if key := _creation_key(request):
        created = request.session.get(SESSION_KEY, {})
        created[key] = page.pk
        request.session[SESSION_KEY] = dict(list(created.items())[-REMEMBERED:])


@hooks.register("before_create_page")
def edit_the_page_this_form_created(request, parent_page, page_class):
    key = _creation_key(request)
    page_id = key and request.session.get(SESSION_KEY, {}).get(key)
    if not page_id:
        return None
    page = Page.objects.filter(pk=page_id).first()
    if (
        page is None
        or page.get_parent().pk != parent_page.pk
        or page.specific_class is not (page_class)
    ):
        return None
    # The edit view checks the user's permissions on the page, as when the form had switched.
    return EditView.as_view()(request, page_id=page.pk)


def _warn_about_publication(request, page):
    if request.method != "POST" or not request.accepts("text/html"):
        return
    if not (request.POST.get("action-publish") or request.POST.get("action-submit")):
        return
    form_class = getattr(page.specific_class, "base_form_class", None)
    for warning in getattr(form_class, "publication_warnings", lambda page: [])(page.specific):
        messages.warning(request, warning)


@hooks.register("after_create_page")
def after_create_page(request, page):
    _remember_creation(request, page)
    _warn_about_publication(request, page)


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    _warn_about_publication(request, page)
