"""A programme admin's version of a message's templates (issue #7 point 2): one row per edited message.

Without a row the message uses its files, templates/email/<folder>/{subject.txt, body.txt, body.html}.
The primary key is the registered message name, so the history of a message's edits stays together
in Wagtail's log, with who made each one, even after it went back to the default and was edited again.
"""

from django.db import models


class MessageTemplate(models.Model):
    message = models.CharField(max_length=100, primary_key=True, help_text="Registered message name.")
    subject = models.CharField(max_length=250)
    body_text = models.TextField("Plain text")
    body_html = models.TextField("HTML", blank=True, help_text="Leave empty to build it from the plain text.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["message"]

    def __str__(self) -> str:
        return self.message
