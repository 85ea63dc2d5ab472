"""Who may do what, and a record of who did: staff members, the owner password and PINs,
and the activity log that database triggers write."""
