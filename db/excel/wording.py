"""A row's notes and problems as templates with arguments, so that the wizard can word them in
the interface language while the command line and the problem report keep the Chinese text.

Every template is marked QT_TRANSLATE_NOOP("ImportNotes", ...) where it is written; %1, %2 ...
stand for the arguments: a Label is a column's name (translated too), a tuple a list of values,
a Note a problem inside another (a cell's problem inside "column C: ...").
"""
from __future__ import annotations

PROBLEM = "problem"  # the kind of a note that makes a row invalid, a duplicate, deleted ...


class Label(str):
    """A column's label inside a note's arguments (the wizard shows it translated)."""


class Note(str):
    """A row's note (its Chinese text), with the kind the summary counts it by (notes.py) and
    the template and arguments it was made from, so the wizard can word it in the interface
    language: Note.of("new_staff", "将新建客服“%1”", "小王")."""
    kind: str
    template: str
    args: tuple

    @classmethod
    def of(cls, kind: str, template: str, *args) -> "Note":
        text = template
        for n, arg in reversed(list(enumerate(args, start=1))):  # %10 before %1
            text = text.replace(f"%{n}", "、".join(map(str, arg)) if isinstance(arg, tuple)
                                else str(arg))
        note = super().__new__(cls, text)
        note.kind, note.template, note.args = kind, template, args
        return note


def problem(template: str, *args) -> Note:
    return Note.of(PROBLEM, template, *args)
