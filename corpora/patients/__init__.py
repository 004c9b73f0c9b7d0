from corpora.patients.deidentify import deidentify
from corpora.patients.pseudonym import TEST_SALT, local_salt, pseudonymize

__all__ = ["TEST_SALT", "deidentify", "local_salt", "pseudonymize"]
