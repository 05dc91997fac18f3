"""Memory given back to the system after a print or a preview.

A printed or previewed page is an image of tens of megabytes (A4 at 300 dpi); they are freed when the job ends
or the preview closes, but glibc keeps freed memory inside the process for reuse, so a window left open all
afternoon after one print would go on holding some 30 MB more than it needs. ``malloc_trim`` hands it back.
Elsewhere (Windows' heap, other C libraries) there is nothing to do.
"""

from __future__ import annotations

import ctypes
import sys


def give_back_freed_memory() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim   # glibc's; absent from musl
    except (OSError, AttributeError):
        return
    trim(0)
