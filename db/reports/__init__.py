"""Figures for the owner: the dashboard over a period, its tables and Excel export, and the
staff member's daily log."""
