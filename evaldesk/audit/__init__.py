"""The finance bureau reviewer's checks (审核) over a report → findings. Pure; no Qt, no DB."""
