from django.contrib import admin

from tagalong.athletes.models import AthleteProfile, CoachingLink


@admin.register(AthleteProfile)
class AthleteProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "sex", "birth_date", "time_zone"]
    search_fields = ["user__email", "user__full_name"]


@admin.register(CoachingLink)
class CoachingLinkAdmin(admin.ModelAdmin):
    list_display = [
        "athlete",
        "coach",
        "practice",
        "started_at",
        "ended_at",
        "shared_with_practice",
    ]
