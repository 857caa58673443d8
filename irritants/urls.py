app_name = "irritants_public"
urlpatterns = []
