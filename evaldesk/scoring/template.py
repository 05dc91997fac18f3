"""The template scoring computes with. Its data — tree, inputs, grades, cover wording — and loading are the model's
(:mod:`evaldesk.model.template`); these names stay importable from here for the callers that read them beside
scoring's results."""

from evaldesk.model.template import *  # noqa: F401,F403 - the re-export this module is
from evaldesk.model.template import __all__  # noqa: F401
