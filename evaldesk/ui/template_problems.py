"""检查结果 in the 评分表编辑器: every problem of the draft as a list; clicking one selects the indicator it is about.

Which indicator that is comes from the problem's tag (:class:`evaldesk.scoring.template_check.Problem`), never from
its words, so rewording a message cannot move it to another indicator.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout

from evaldesk.scoring.template_check import Problem
from evaldesk.ui.template_widgets import PROBLEM_TEXT

SOUND = "评分表完整：各级分值相加一致，总分为 100，每项评分规则齐全。"


def by_indicator(problems: list[Problem]) -> dict[str, list[str]]:
    """indicator id → the words of its problems, in order (problems about the sheet as a whole are in none)."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        if problem.indicator is not None:
            found.setdefault(problem.indicator, []).append(problem.message)
    return found


class ProblemList(QGroupBox):
    """The list; ``select(indicator_id)`` is called for a problem about an indicator when it is clicked."""

    def __init__(self, select: Callable[[str], None]):
        super().__init__("检查结果")
        self.select = select
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._clicked)
        QVBoxLayout(self).addWidget(self.list)

    def fill(self, problems: list[Problem]) -> None:
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(f"⚠ {problem.message}")
            item.setForeground(PROBLEM_TEXT)
            item.setData(Qt.ItemDataRole.UserRole, problem.indicator)
            self.list.addItem(item)
        if not problems:
            self.list.addItem(SOUND)
        self.setTitle(f"检查结果（{len(problems)} 个问题）" if problems else "检查结果")

    def _clicked(self, item: QListWidgetItem) -> None:
        indicator_id = item.data(Qt.ItemDataRole.UserRole)
        if indicator_id:
            self.select(indicator_id)
