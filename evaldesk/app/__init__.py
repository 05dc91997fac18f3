"""The application layer: what the window and the ``evaldesk`` command both do, without Qt.

* :mod:`~evaldesk.app.session` — one open report: edits stored at once, the undo history, live scores and findings;
* :mod:`~evaldesk.app.history` — the undo history itself (keystrokes in one field merge into one step);
* :mod:`~evaldesk.app.datafile` — the data file: open it, list, create, add the sample, delete, save as;
* :mod:`~evaldesk.app.importing` — read a report file and the one rule for "this report is already in the file";
* :mod:`~evaldesk.app.output` — export JSON and the bureau workbook, print to PDF;
* :mod:`~evaldesk.app.next_year` — store next year's report made from this year's, and what it carried;
* :mod:`~evaldesk.app.score_sheets` — the sheets a report may use, template files in and out;
* :mod:`~evaldesk.app.summary_book` — a folder of departments' files summarised into the bureau's workbook.

The window (``evaldesk.ui``) and ``evaldesk.cli`` are thin callers of these modules; nothing else imports them.
Modules here import the model, scoring, audit, exchange, printing and templates, never PySide6.
"""
