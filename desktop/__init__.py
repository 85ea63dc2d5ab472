"""Everything that imports Qt: the application, windows, pages, dialogs and item models."""
