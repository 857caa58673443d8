app_name = "subscriptions"
urlpatterns = []
