"""The order-management core, by area; each area has domain/ (standard library only), services/, adapters/.

core/
├── capture/      documents in, the captured order, interchanges, validation's view, decisions,
│                 the review queue, answers on the channel an order came on
├── catalog/      customers, products, customer item codes and their import
├── fulfilment/   the order's lifecycle, stock, warehouses and allocation, pick/pack, shipping, notifications
├── billing/      payments and credit, invoices and VAT, returns' money, settlement, the books, receivables
├── purchasing/   suppliers and their products, replenishment planning, purchase orders, suppliers'
│                 answers (ORDRSP, DESADV, INVOIC), receiving and three-way invoice matching
├── reporting/    order search and the reporting summary kept from events; reads the other areas'
│                 tables by name, none of them imports it
├── forecasting/  order, shipping, demand and review-workload forecasts back-tested against seasonal-naive,
│                 the report schedules; reads the other areas' tables, none of them imports it
├── kernel/       shared by every area: errors, money, phones, the order and master-data records,
│                 users, the outbox, OrderChange, the unit-of-work base, the runner, the database
├── unit_of_work  every area's unit of work composed over one session: where the areas meet
├── supply        purchasing's protocols met by fulfilment's stock and demand and billing's books
├── orm           every area's tables on the kernel's one metadata, mapped together
└── migrate, migrations/   one linear Alembic history for all of it

Why the kernel holds what it does: the order record and master data (`kernel.domain.model`) are
written by capture, run by fulfilment, billed by billing and read by all; the outbox, its trading
partners and notice states carry messages from all three; users sign in to every area's pages.
Areas meet only in `core.unit_of_work` (protocols each area declares, e.g. `uow.lifecycle`) and in
the composition root (`oms`), or through events; import-linter holds them to it (pyproject.toml).
"""
