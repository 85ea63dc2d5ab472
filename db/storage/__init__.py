"""Where the data lives: opening and migrating the database (a local SQLite file or the shop's
PostgreSQL server), backups, the data folder, the single-instance lock, app settings, and the
versioned save every area uses to refuse an edit made stale by someone else."""
