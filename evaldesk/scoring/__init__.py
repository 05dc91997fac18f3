"""Templates (indicator tree + rule kinds) → scores, subtotals, total, grade, explanations. Pure; no Qt, no DB."""
