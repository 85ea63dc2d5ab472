"""Quick-reply snippets (快捷短语): the library and its groups, placeholder rendering, the
values that fill placeholders, the phrases never to say, and the bundled default library."""
