"""Re-export: the template check is the model's (:mod:`evaldesk.model.template_check`)."""

from evaldesk.model.template_check import *  # noqa: F401,F403 - the re-export this module is
from evaldesk.model.template_check import __all__  # noqa: F401
