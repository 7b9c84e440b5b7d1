"""Reading a shared link's values: one guarded parser, so a junk link never raises."""

from __future__ import annotations

# Digits a link value may have: far more than any widget range, far below the 4,300 digits past
# which Python's int() raises.
MAX_DIGITS = 12


def whole(text: str | None, high: int, low: int = 0) -> int | None:
    """A whole number from a link inside [low, high]; None when missing, junk or out of range."""
    text = (text or "").strip()
    # isascii: str.isdigit() accepts digits such as "²" that int() then refuses.
    if not text.isascii() or not text.isdigit() or len(text) > MAX_DIGITS:
        return None
    value = int(text)
    return value if low <= value <= high else None
