"""Excel/CSV import and export, free of Qt.

An import is a straight line: read (read.py: the sheet's real extent, merged cells, CSV
encodings) -> map (headers.py: find the header row, map columns to fields) -> plan (plan.py
parses every cell the same way; the kind's importer decides each row: new / update /
unchanged / duplicate / conflict / invalid, writing nothing) -> apply (apply.py: one backup,
one transaction, the importer writes the confirmed rows). workflow.py strings the first
three together for the wizard and the command line; history.py undoes the last import.
Exports: write.py (workbooks, templates, CSV), report.py (the problem report).

A kind (kinds.py) is a column schema, its export rows and, if importable, an importer:
customer_kind.py and snippet_kind.py use the shared matcher (matching.py), case_kind.py
brings cases in through case_import.py. registry.py lists every kind, once.
"""
