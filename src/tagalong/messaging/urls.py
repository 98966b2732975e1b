from django.urls import path

from tagalong.messaging import reply_views, views

app_name = "messaging"

T = "messages/<int:thread_id>/"

urlpatterns = [
    path("messages/", views.inbox, name="inbox"),
    path(T, views.thread_page, name="thread"),
    path(T + "post/", views.post, name="post"),
    path(T + "file/", views.file_thread, name="file"),
    path(T + "notes/", views.add_note, name="note"),
    path("messages/files/<int:attachment_id>/", views.attachment, name="attachment"),
    path("messages/reply/<str:token>/", reply_views.email_reply, name="email_reply"),
    path("athletes/<int:athlete_id>/messages/", views.with_athlete, name="with_athlete"),
    path(
        "athletes/<int:athlete_id>/comments/<slug:kind>/<int:subject_id>/",
        views.comment,
        name="comment",
    ),
    path("coach/saved-replies/", reply_views.saved_replies, name="saved_replies"),
    path(
        "coach/saved-replies/<int:reply_id>/delete/",
        reply_views.delete_reply,
        name="delete_reply",
    ),
]
