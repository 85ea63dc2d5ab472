"""Schema 12: orders (订单) and their lines, imported from the platforms' own exports."""
from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField

VERSION = 12


def up(database) -> None:
    class Frozen(Model):
        class Meta:
            legacy_table_names = False

    class Customer(Frozen):  # stand-in of schema 1, only so that the foreign key can name it
        pass

    class Order(Frozen):
        platform = CharField()
        order_no = CharField()
        customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL")
        buyer_account = CharField(default="")
        status = CharField(default="")
        ordered_at = DateTimeField(null=True)
        paid_at = DateTimeField(null=True)
        shipped_at = DateTimeField(null=True)
        received_at = DateTimeField(null=True)
        amount_cents = IntegerField(null=True)
        receiver_name = CharField(default="")
        receiver_phone = CharField(default="")
        province = CharField(default="")
        city = CharField(default="")
        district = CharField(default="")
        street = TextField(default="")
        logistics_company = CharField(default="")
        tracking_no = CharField(default="", index=True)
        buyer_message = TextField(default="")
        seller_note = TextField(default="")
        imported_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            indexes = ((("order_no", "platform"), True), (("customer", "ordered_at"), False),
                       (("ordered_at",), False))

    class OrderItem(Frozen):
        order = ForeignKeyField(Order, on_delete="CASCADE")
        position = IntegerField(default=0)
        title = TextField(default="")
        sku = CharField(default="")
        quantity = IntegerField(default=1)
        amount_cents = IntegerField(null=True)

        class Meta:
            indexes = ((("order", "position"), False),)

    with database.bind_ctx([Customer, Order, OrderItem]):
        database.create_tables([Order, OrderItem])
