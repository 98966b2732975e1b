from django.contrib import admin
from django.urls import include, path

from tagalong.accounts.views import accept_invitation_view
from tagalong.api.main import api

urlpatterns = [
    path("", include("tagalong.web.urls")),
    path("accounts/", include("tagalong.accounts.urls")),
    path("invite/<str:token>/", accept_invitation_view, name="invitation"),
    path("", include("tagalong.athletes.urls")),
    path("", include("tagalong.activities.urls")),
    path("", include("tagalong.shoes.urls")),
    path("", include("tagalong.symptoms.urls")),
    path("", include("tagalong.assessments.urls")),
    path("", include("tagalong.plans.urls")),
    path("", include("tagalong.bookings.urls")),
    path("", include("tagalong.notifications.urls")),
    path("", include("tagalong.messaging.urls")),
    path("", include("tagalong.dataexport.urls")),
    path("", include("tagalong.attention.urls")),
    path("", include("tagalong.programmes.urls")),
    path("", include("tagalong.sync.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
