"""Re-export: the one walk of a template's tree is the model's (:mod:`evaldesk.model.template_tree`)."""

from evaldesk.model.template_tree import Node, Tree, indicator_entries, parent_of, subtree_ids, walk  # noqa: F401
