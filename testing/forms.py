"""The admin forms a test posts as an editor would: what the screen shows, with the changes
the test makes."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

IDENTITY_FIELDS = (
    "display_name",
    "primary_color",
    "contact_email",
    "footer_text",
    "irritant_retention_months",
)


def identity_form_data(client, url, social_links=(), footer_links=(), translations=(), **changes):
    """The « Identité du site » form at ``url`` as saved, with ``changes``; its social and
    footer links and its rows in other languages (existing ones, with their id) are the ones
    given (none by default)."""
    form = client.get(url).context["form"]
    data = {name: form.initial[name] for name in IDENTITY_FIELDS}
    data.update(changes)
    data.update(
        nested_form_data(
            {
                "social_links": streamfield(list(social_links)),
                "footer_links": streamfield(list(footer_links)),
                "translations": inline_formset(list(translations), initial=len(translations)),
            }
        )
    )
    return data
