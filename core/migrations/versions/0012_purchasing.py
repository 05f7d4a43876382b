"""Purchasing: suppliers and their products, preferred suppliers, reorder rules, purchase orders with
their lines and state history, receipts, and the suppliers' documents (ORDRSP, DESADV, INVOIC).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 16:48:56
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal, UTCDateTime


revision = '0012'
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('suppliers',
    sa.Column('supplier_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('fax', sa.String(length=64), nullable=True),
    sa.Column('edi_id', sa.String(length=35), nullable=True),
    sa.Column('edi_qualifier', sa.String(length=4), nullable=False),
    sa.Column('our_edi_id', sa.String(length=35), nullable=True),
    sa.Column('street', sa.String(length=256), nullable=True),
    sa.Column('postal_code', sa.String(length=32), nullable=True),
    sa.Column('city', sa.String(length=128), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('next_control_ref', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('supplier_id', name=op.f('pk_suppliers'))
    )
    with op.batch_alter_table('suppliers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suppliers_edi_id'), ['edi_id'], unique=False)

    op.create_table('purchase_orders',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('supplier_id', sa.String(length=64), nullable=False),
    sa.Column('warehouse', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('expected_date', sa.Date(), nullable=True),
    sa.Column('control_ref', sa.String(length=14), nullable=True),
    sa.Column('outbound_id', sa.Integer(), nullable=True),
    sa.Column('supplier_reference', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.supplier_id'], name=op.f('fk_purchase_orders_supplier_id_suppliers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_purchase_orders_number'))
    )
    with op.batch_alter_table('purchase_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_orders_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_purchase_orders_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('purchase_preferences',
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('warehouse', sa.String(length=16), nullable=False),
    sa.Column('supplier_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['sku'], ['products.sku'], name=op.f('fk_purchase_preferences_sku_products')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.supplier_id'], name=op.f('fk_purchase_preferences_supplier_id_suppliers')),
    sa.PrimaryKeyConstraint('sku', 'warehouse', name=op.f('pk_purchase_preferences'))
    )
    op.create_table('reorder_rules',
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('warehouse', sa.String(length=16), nullable=False),
    sa.Column('reorder_point', sa.BigInteger(), nullable=False),
    sa.Column('order_up_to', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['sku'], ['products.sku'], name=op.f('fk_reorder_rules_sku_products')),
    sa.PrimaryKeyConstraint('sku', 'warehouse', name=op.f('pk_reorder_rules'))
    )
    op.create_table('supplier_products',
    sa.Column('supplier_id', sa.String(length=64), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('supplier_item_code', sa.String(length=64), nullable=False),
    sa.Column('pack', sa.BigInteger(), nullable=False),
    sa.Column('price', ExactDecimal(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('lead_time_days', sa.Integer(), nullable=False),
    sa.Column('min_order_qty', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['sku'], ['products.sku'], name=op.f('fk_supplier_products_sku_products')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.supplier_id'], name=op.f('fk_supplier_products_supplier_id_suppliers')),
    sa.PrimaryKeyConstraint('supplier_id', 'sku', name=op.f('pk_supplier_products'))
    )
    op.create_table('purchase_order_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('step', sa.String(length=32), nullable=False),
    sa.Column('from_state', sa.String(length=24), nullable=True),
    sa.Column('to_state', sa.String(length=24), nullable=False),
    sa.Column('note', sa.String(length=512), nullable=False),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_purchase_order_events_po_id_purchase_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_order_events'))
    )
    with op.batch_alter_table('purchase_order_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_order_events_po_id'), ['po_id'], unique=False)

    op.create_table('purchase_order_lines',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('supplier_item_code', sa.String(length=64), nullable=False),
    sa.Column('gtin', sa.String(length=14), nullable=True),
    sa.Column('description', sa.String(length=512), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('unit_price', ExactDecimal(), nullable=False),
    sa.Column('expected_date', sa.Date(), nullable=True),
    sa.Column('confirmed_quantity', sa.BigInteger(), nullable=True),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('damaged', sa.BigInteger(), nullable=False),
    sa.Column('invoiced', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_purchase_order_lines_po_id_purchase_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_order_lines')),
    sa.UniqueConstraint('po_id', 'line_no', name='uq_purchase_order_lines_po_line')
    )
    with op.batch_alter_table('purchase_order_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_order_lines_po_id'), ['po_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purchase_order_lines_sku'), ['sku'], unique=False)

    op.create_table('purchase_receipts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=False),
    sa.Column('warehouse', sa.String(length=16), nullable=False),
    sa.Column('location', sa.String(length=32), nullable=False),
    sa.Column('quarantine_location', sa.String(length=32), nullable=False),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_purchase_receipts_po_id_purchase_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_receipts'))
    )
    with op.batch_alter_table('purchase_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_receipts_po_id'), ['po_id'], unique=False)

    op.create_table('supplier_documents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('supplier_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('po_number', sa.String(length=35), nullable=False),
    sa.Column('po_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'], name=op.f('fk_supplier_documents_po_id_purchase_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_documents')),
    sa.UniqueConstraint('supplier_id', 'kind', 'reference', name='uq_supplier_documents_reference')
    )
    with op.batch_alter_table('supplier_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supplier_documents_po_id'), ['po_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supplier_documents_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_supplier_documents_supplier_id'), ['supplier_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('supplier_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supplier_documents_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_supplier_documents_state'))
        batch_op.drop_index(batch_op.f('ix_supplier_documents_po_id'))

    op.drop_table('supplier_documents')
    with op.batch_alter_table('purchase_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_receipts_po_id'))

    op.drop_table('purchase_receipts')
    with op.batch_alter_table('purchase_order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_order_lines_sku'))
        batch_op.drop_index(batch_op.f('ix_purchase_order_lines_po_id'))

    op.drop_table('purchase_order_lines')
    with op.batch_alter_table('purchase_order_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_order_events_po_id'))

    op.drop_table('purchase_order_events')
    op.drop_table('supplier_products')
    op.drop_table('reorder_rules')
    op.drop_table('purchase_preferences')
    with op.batch_alter_table('purchase_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_orders_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_purchase_orders_state'))

    op.drop_table('purchase_orders')
    with op.batch_alter_table('suppliers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suppliers_edi_id'))

    op.drop_table('suppliers')
