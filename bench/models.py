"""The stock baseline (issue #20): a plain model listed by a stock Wagtail `ModelViewSet`, what any
Wagtail site gets, measured beside our admin listings in the same run. Bench settings only."""

from django.db import models


class StockItem(models.Model):
    name = models.CharField(max_length=200)
    reference = models.CharField(max_length=20, unique=True)
    quantity = models.PositiveIntegerField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
