from datetime import timedelta

from django.apps import AppConfig

EMAIL_EVERY = timedelta(minutes=1)


class MessagingConfig(AppConfig):
    name = "tagalong.messaging"
    label = "messaging"
    verbose_name = "Messages"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from tagalong import demo
        from tagalong.athletes.models import CoachingLink
        from tagalong.messaging.demo import add_demo_threads
        from tagalong.messaging.sections import conversation_section
        from tagalong.messaging.signals import open_thread_for_new_link
        from tagalong.messaging.tasks import email_waiting_messages
        from tagalong.notifications import periodic
        from tagalong.web import navigation, sections

        navigation.register("Messages", "messaging:inbox", roles={"coach", "athlete"}, order=15)
        sections.register(
            "messaging.conversation",
            template="messaging/_section.html",
            build=conversation_section,
            order=12,
        )
        periodic.register("messaging.unread_email", every=EMAIL_EVERY, task=email_waiting_messages)
        post_save.connect(
            open_thread_for_new_link, sender=CoachingLink, dispatch_uid="messaging.link_thread"
        )
        from tagalong.dataexport import erasure, registry
        from tagalong.messaging.erasure import erase_member_messages
        from tagalong.messaging.export import write_messages

        registry.register("messages", title="Messages", write=write_messages, order=105)
        erasure.register_eraser("messaging.messages", erase_member_messages)
        if add_demo_threads not in demo.DEMO_EXTENSIONS:
            demo.DEMO_EXTENSIONS.append(add_demo_threads)
