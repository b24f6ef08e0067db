"""Errors that end the checking of one file, reported as one line and exit code 2."""


class InputError(Exception):
    """A file that cannot be checked; the message says what is wrong with it."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UsageError(Exception):
    """A command line or configuration that cannot be carried out."""
