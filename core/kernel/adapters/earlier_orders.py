"""The statements the duplicate check reads a customer's earlier orders by (`OrderRepository`'s
`recent_for_customer`, `recent_for_customers` and their lines), built once at import and executed with
their values bound at each call: building a `select` and then its cache key anew on every call cost more
than the rest of the call's Python. A statement is immutable, so one serves every session and thread."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, Select, String, bindparam, func, select

from core.kernel.adapters import orm
from core.kernel.adapters.bulk import any_of_param

# a customer's earlier orders' heads (`OrderRepository.recent_for_customer`), built once: a batch asks
# it for every customer new to the batch, and building the select and its cache key anew each time
# cost more than the rest of the call's Python
RECENT_HEADS = (
    select(
        orm.orders.c.id,
        orm.orders.c.channel,
        orm.orders.c.state,
        orm.orders.c.created_at,
        orm.orders.c.po_number,
    )
    .where(orm.orders.c.customer_id == bindparam("customer_id"))
    .where(orm.orders.c.created_at >= bindparam("since"))
    .where(orm.orders.c.document_id != bindparam("exclude_document"))
    .order_by(orm.orders.c.id.desc())
    .limit(bindparam("limit", type_=Integer()))
)

# the lines of earlier orders (`OrderRepository._earlier_lines`), built once for each kind of database:
# one array parameter on PostgreSQL, an IN list elsewhere (`bulk.any_of_param`)
EARLIER_LINES = {
    postgres: select(orm.order_lines.c.order_id, orm.order_lines.c.sku, orm.order_lines.c.quantity)
    .where(any_of_param(orm.order_lines.c.order_id, "orders", postgres=postgres))
    .order_by(orm.order_lines.c.order_id, orm.order_lines.c.position)
    for postgres in (True, False)
}


def _recent_heads_of(postgres: bool) -> Select[*tuple[Any, ...]]:
    """Several customers' orders' heads since `:since`, newest first, at most `:limit` a customer
    (`OrderRepository.recent_for_customers`); the customers `:customers`, as `bulk.any_of_param` takes
    them."""
    o = orm.orders.c
    newest = func.row_number().over(partition_by=o.customer_id, order_by=o.id.desc()).label("newest")
    ranked = (
        select(o.id, o.document_id, o.customer_id, o.channel, o.state, o.created_at, o.po_number, newest)
        .where(any_of_param(o.customer_id, "customers", postgres=postgres, item=String()))
        .where(o.created_at >= bindparam("since"))
        .subquery()
    )
    return (
        select(ranked)
        .where(ranked.c.newest <= bindparam("limit", type_=Integer()))
        .order_by(ranked.c.id.desc())
    )


# a batch's customers' heads at once (`recent_for_customers`, the batch's confirm), built once for each
# kind of database
RECENT_HEADS_OF = {postgres: _recent_heads_of(postgres) for postgres in (True, False)}
