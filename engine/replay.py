"""The words every page's Replay button shows: one shape, so all the demos read alike.

Each demo's notes.replay_note(seed, fingerprint, same, *details) words its details and calls this.
"""

from __future__ import annotations


def replay_note(seed: int, redone: str, fingerprint: str, same: bool, found: str = "") -> str:
    """What a replay of `seed` from scratch (`redone`: what was redone) found, vs the screen."""
    verdict = "identical to" if same else "DIFFERENT from"
    lead = f"{found}, " if found else ""
    return (
        f"Replayed seed {seed} from scratch ({redone}): {lead}fingerprint `{fingerprint}`, "
        f"{verdict} the output above."
    )
