"""The one shape every benchmark reports in."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Measurement:
    """One row of docs/PERFORMANCE.md.

    ``target`` is the budget from the issue in the same unit, ``None`` when the row only records a
    figure (CPU share, peak memory, a ratio measured side by side).
    """

    area: str
    name: str
    value: float
    unit: str
    target: float | None = None
    lower_is_better: bool = True
    note: str = ""

    @property
    def verdict(self) -> str:
        """``ok``/``over`` against the target, or ``-`` when the row has none."""
        if self.target is None:
            return "-"
        within = self.value <= self.target if self.lower_is_better else self.value >= self.target
        return "ok" if within else "MISSED"

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly form, including the verdict."""
        return {**asdict(self), "verdict": self.verdict}
