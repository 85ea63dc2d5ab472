"""Orders (订单) from the platforms' own exports: the most complete record of who bought what."""
