"""Excel/CSV import and export, free of Qt.

read -> headers (find and map the header row) -> values (parse cells) -> plan (dry run:
new / updated / unchanged / duplicate / conflict / invalid) -> apply (one transaction after a
backup) ; write (export, templates, CSV) ; report (error report workbook) ; history (undo).
What differs between customers, snippets and cases lives in a small `Kind` description
(kinds.py, customer_kind.py) so that a new kind is a small addition.
"""
