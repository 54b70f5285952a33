"""Errors every store raises the same way, so commands can map them to exit status 3."""


class StoreUnavailable(Exception):
    """The store cannot be reached or refused us (wrong credentials, wrong version).

    The message is meant for the user and never contains a password.
    """
