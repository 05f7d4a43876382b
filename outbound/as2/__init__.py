"""AS2 (RFC 4130): EDIFACT over HTTP, signed and encrypted with CMS, acknowledged by signed MDNs.

`partners` reads the operator's partner file; `message` and `reading` build and open messages;
`mdn` builds and reads receipts; `receiver` takes a POST; `client` sends ours and settles them.
"""
