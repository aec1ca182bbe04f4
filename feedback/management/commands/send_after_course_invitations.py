from django.core.management.base import BaseCommand

from feedback.services.invitations import after_course_invitations_send_due


class Command(BaseCommand):
    help = (
        "Invite people to evaluate the days, and to each reflective practice and follow-up as it opens "
        "(000:L4942–4946, L5236–5239; run daily)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{after_course_invitations_send_due()} invitation(s) queued.")
