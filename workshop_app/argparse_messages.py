"""argparse's own messages, listed for the catalogue.

argparse writes its usage line, headings and errors with the `gettext` and `ngettext` it
imported from the gettext module; `workshop_app.cli` points those two names at the app's
interface catalogue. Babel cannot find argparse's strings in the standard library, so they
are listed here (as Python 3.11's argparse writes them, character for character) for
`make messages` to extract. Only what a user can meet is listed: argparse's complaints about
how a parser was built are the app's bugs, and stay English.
"""

from __future__ import annotations

from workshop_app.core.i18n import N_, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
)


def expected_arguments(n: int) -> str:
    """argparse's one plural, written as argparse asks for it (so extraction finds it)."""
    return ngettext("expected %s argument", "expected %s arguments", n)
