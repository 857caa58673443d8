from django.urls import path

from . import views

app_name = "irritants_public"
# The keys are in the query string (?cle=…), never in the path: access logs omit it.
urlpatterns = [
    path("", views.irritant_followup, name="followup"),
    path("reprendre/", views.resume_emails, name="resume"),
    path("desabonner/", views.unsubscribe, name="unsubscribe"),
]
