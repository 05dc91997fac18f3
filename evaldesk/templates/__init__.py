"""Score sheet templates as the filler handles them (no Qt): which exist, template files, edits, a new year.

* :mod:`.library` — the built-in templates (``resources/templates``) plus the ones imported into the data file;
* :mod:`.files` — import a template file (checked, nothing stored unless it is sound) and export one atomically;
* :mod:`.edit` — pure functions that make a new template from an old one, and :func:`.edit.check` that lists
  every problem of a draft;
* :mod:`.newyear` — next year's report from this year's, with a record of what was carried.

The file format is the one ``resources/templates`` uses (``docs/template-format.md``); usage in ``docs/templates.md``.
"""
