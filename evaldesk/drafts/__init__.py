"""Drafts of the 综述 and of the 扣分原因 from the report's own figures (issue 16): pure, no Qt, no files written.

A services room (beside printing, exchange and templates, importing none of them): it reads the domain — the
report, its score sheet, the audit's findings and its quoted-figure comparison — and the wording in
``resources/drafts``. Nothing here changes a report; the window and the command decide what to do with a draft.
"""
