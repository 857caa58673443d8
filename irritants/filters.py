import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .models import CallForIrritantsPage, Irritant, Status


def calls_of_user(request):
    """The calls a reviewer may filter on: those of the territories they review."""
    call_ids = Irritant.objects.visible_to(request.user).values("call")
    return CallForIrritantsPage.objects.filter(pk__in=call_ids).order_by("-opens_on")


class IrritantFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(label=_("Call"), queryset=calls_of_user)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    service = django_filters.ChoiceFilter(label=_("Service concerned"))
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Irritant
        fields = ["call", "status", "service", "submitted_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the services of the irritants this reviewer may see.
        services = (
            Irritant.objects.visible_to(self.request.user)
            .order_by("service")
            .values_list("service", flat=True)
            .distinct()
        )
        self.filters["service"].extra["choices"] = [(s, s) for s in services]
