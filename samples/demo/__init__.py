"""The demo scenarios `oms db seed` and `oms demo` run: demo master data and an interchange dated
today, and one order per channel taken from arrival to delivered and paid.

They drive the running application they are given (`host.DemoApp`) and import nothing of the
composition root: `oms.cli` builds the app and calls them.
"""
