"""The U-Net's frozen config and its assembly; a card's config rebuilds the same network."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from engine.ufo.composite import HARDENED, SEED_RANGES, WIDENED, Ranges


@dataclass(frozen=True)
class UNetConfig:
    """Everything that defines one shipped U-Net: data ranges, shape, training and read-out."""

    # Model file name under models/ (and the card's name).
    name: str = "ufo-seed-ranges"
    # What the training composites vary; the two shipped models differ only here.
    ranges: Ranges = field(default_factory=lambda: SEED_RANGES)
    # Channels of the first level; each level down doubles them (8-16-32-64 is ~120k weights,
    # enough for one saucer shape and small enough to train in minutes on two shared cores).
    base: int = 8
    # Down-sampling steps: 3 gives a 16x16 bottleneck at 128 px, wide enough context for
    # saucers that fill the frame.
    depth: int = 3
    # Composites generated once per model; both models get the same number.
    samples: int = 2000
    # Passes over the composites.
    epochs: int = 6
    # Composites per gradient step.
    batch: int = 16
    # Adam step size, decayed by cosine to zero over the run.
    learning_rate: float = 3e-3
    # Seed of the composites and of the weight initialisation.
    seed: int = 5
    # Probability above which a pixel counts as saucer (the page's slider starts here).
    threshold: float = 0.5
    # Smallest box kept, as a share of the image area (drops single-pixel speckle).
    min_area: float = 0.0004

    def to_dict(self) -> dict[str, Any]:
        """The config as plain JSON-able data for the card."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UNetConfig:
        """Rebuild a config from a card's dict."""
        values = dict(data)
        r = values.pop("ranges", {})
        ranges = Ranges(**{k: tuple(v) if isinstance(v, list) else v for k, v in r.items()})
        return cls(ranges=ranges, **values)


SEED_RANGES_CONFIG = UNetConfig()
WIDENED_CONFIG = UNetConfig(name="ufo-widened", ranges=WIDENED)
CONFIGS = {c.name: c for c in (SEED_RANGES_CONFIG, WIDENED_CONFIG)}
# Not shipped (see composite.HARDENED): engine.ufo.unet.train.train(HARDENED_CONFIG) rebuilds it.
HARDENED_CONFIG = UNetConfig(name="ufo-hardened", ranges=HARDENED)


def build(config: UNetConfig) -> Any:
    """Assemble the U-Net for (size, size, 3) float RGB input in [0, 1] (imports Keras)."""
    import keras

    from engine.ufo.unet import parts

    size = config.ranges.size
    inputs = keras.Input((size, size, 3), name="image")
    x = parts.double_conv(inputs, config.base, "inc")
    skips = [x]
    for level in range(1, config.depth + 1):
        x = parts.down(x, config.base * 2**level, f"down{level}")
        skips.append(x)
    for level in range(config.depth - 1, -1, -1):
        x = parts.up(x, skips[level], config.base * 2**level, f"up{level}")
    return keras.Model(inputs, parts.out_conv(x), name=config.name.replace("-", "_"))
