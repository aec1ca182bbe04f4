"""The stock listing: Wagtail's `ModelViewSet` as it ships, with plain field columns and Wagtail's
default rows per page (the same as every listing of ours, none of which changes it)."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from bench.models import StockItem


class StockItemViewSet(ModelViewSet):
    model = StockItem
    icon = "list-ul"
    add_to_admin_menu = False
    list_display = ["name", "reference", "quantity", "created_at"]
    form_fields = ["name", "reference", "quantity", "created_at"]


@hooks.register("register_admin_viewset")
def register_stock_items():
    return StockItemViewSet("stock_items")
