"""The shipped ImageNet classifier served through LiteRT: uint8 batches in, float logits out.

engine.runtime.LiteModel feeds float32 and reads a fixed output; this file's input is uint8
and its output the int8 logits, so it gets its own small pool (same thread-safety contract).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine import cards, runtime

NAME = "imagenet"
TITLE = "MobileNetV2 (quantised, ImageNet)"
DEFAULT_CLASS = "great_white_shark"
# Candidates drawn and scored first (of the search's 64), on a one-thread interpreter while
# the rest are drawn on the other core; 0 draws the whole batch first (no overlap). About
# where scoring the lead (3.7 ms each on one core) takes as long as drawing the rest.
LEAD = 10


@dataclass
class _Slot:
    """One interpreter, its thread count and the batch size its tensors are allocated for."""

    interpreter: Any
    threads: int
    batch: int
    input_index: int
    output_index: int


class ImagenetModel:
    """MobileNetV2 (quantised) over a pool of LiteRT interpreters; safe across threads."""

    input_dtype = np.uint8

    def __init__(self, tflite: bytes | Path, card: dict[str, Any], pool_size: int = 2):
        from ai_edge_litert.interpreter import Interpreter

        # The interpreters read the flatbuffer in place: it must live as long as they do.
        self._content = tflite.read_bytes() if isinstance(tflite, Path) else tflite
        self.card = card
        self.name: str = card.get("name", NAME)
        self.labels: list[str] = list(card.get("labels", []))
        self._free: list[_Slot] = []
        self._ready = threading.Condition()
        # Each pool holds interpreters on all threads and on one: a one-thread call can run
        # beside drawing without the two fighting over cores (XNNPACK's threads spin-wait).
        for threads in sorted({runtime.NUM_THREADS, 1}) * pool_size:
            it = Interpreter(model_content=self._content, num_threads=threads)
            it.allocate_tensors()
            inp, out = it.get_input_details()[0], it.get_output_details()[0]
            self._free.append(_Slot(it, threads, 1, inp["index"], out["index"]))
        self.input_shape: tuple[int, ...] = tuple(int(v) for v in inp["shape"][1:])
        self._scale, self._zero = (float(v) for v in out["quantization"])

    @contextmanager
    def _slot(self, batch: int, threads: int) -> Iterator[_Slot]:
        """A free interpreter on these threads, preferring one sized for this batch."""
        mine = lambda: [s for s in self._free if s.threads == threads]  # noqa: E731
        with self._ready:
            self._ready.wait_for(mine)
            sized = [s for s in mine() if s.batch == batch]  # resizing costs milliseconds
            slot = (sized or mine())[0]
            self._free.remove(slot)
        try:
            yield slot
        finally:
            with self._ready:
                self._free.append(slot)
                self._ready.notify_all()

    def logits(self, batch: np.ndarray, threads: int | None = None) -> np.ndarray:
        """Float logits (N, 1000) of uint8 RGB pictures (N, 224, 224, 3), one LiteRT call.

        threads=1 scores on one core (beside other work); the logits are the same either way.
        """
        threads = runtime.NUM_THREADS if threads is None else threads
        x = np.ascontiguousarray(batch)
        if x.dtype != np.uint8:
            raise TypeError(f"expected uint8 pictures, got {x.dtype}")
        if x.shape[1:] != self.input_shape:
            raise ValueError(f"expected (N, {self.input_shape}), got {x.shape}")
        with self._slot(len(x), threads) as slot:
            if slot.batch != len(x):  # reallocating costs ~ms: only when the batch size changes
                slot.interpreter.resize_tensor_input(slot.input_index, [len(x), *x.shape[1:]])
                slot.interpreter.allocate_tensors()
                slot.batch = len(x)
            slot.interpreter.set_tensor(slot.input_index, x)
            slot.interpreter.invoke()
            q = slot.interpreter.get_tensor(slot.output_index)
        # Column 0 is the source's "background" class; Keras' 1,000 classes follow it.
        return (q[:, 1:].astype(np.float32) - self._zero) * self._scale

    def predict(self, batch: np.ndarray) -> np.ndarray:
        """Logits of float pictures in [0, 1] (or uint8): the LiteModel interface."""
        x = np.asarray(batch)
        if x.dtype != np.uint8:
            x = np.clip(np.rint(x * 255.0), 0, 255).astype(np.uint8)
        return self.logits(x)


def probabilities(logits: np.ndarray) -> np.ndarray:
    """Softmax in float64: a class 40 nats below the top reads ~4e-18, never exactly 0."""
    z = np.asarray(logits, dtype=np.float64)
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def is_imagenet(card: dict[str, Any] | None) -> bool:
    """Whether a card describes a model this module serves (uint8 in, logits out)."""
    return bool(card) and card.get("serving") == "engine.perception.imagenet.ImagenetModel"


def load(root: Path | None = None, name: str = NAME) -> ImagenetModel:
    """Load the shipped ImageNet model from models/ (never from ../shared)."""
    path = (root or cards.MODELS_DIR) / f"{name}.tflite"
    if not path.exists():
        raise FileNotFoundError(f"{path.name} missing: run `make imagenet`")
    return ImagenetModel(path, cards.read(name, root) or {"name": name})


def shipped() -> ImagenetModel | None:
    """The shipped model, or None when models/imagenet.tflite is not built."""
    try:
        return load()
    except FileNotFoundError:
        return None


class Pipeline:
    """Scores gene batches: incremental uint8 drawing overlapped with LiteRT inference.

    The first `lead` candidates are drawn and sent to a one-thread LiteRT call (LiteRT releases
    the GIL); the rest are drawn on the other core meanwhile, then scored on every thread. A
    short lead keeps the stretch where only drawing runs (one core idle) short; no stretch has
    more busy threads than cores.
    """

    def __init__(self, model: ImagenetModel, layout: Any, lead: int = LEAD):
        from engine.perception.canvas import Canvas

        h, w, _ = model.input_shape
        self.model, self.lead = model, lead
        self.canvas = Canvas(layout, h, w)
        self._executor = _executor()
        self._buffers: dict[tuple[int, int], np.ndarray] = {}

    def _buffer(self, part: int, n: int) -> np.ndarray:
        """A reused uint8 input buffer per part: fresh 5 MB arrays cost ~8 ms in page faults."""
        if (part, n) not in self._buffers:
            self._buffers[part, n] = np.empty((n, *self.model.input_shape), np.uint8)
        return self._buffers[part, n]

    def pictures(self, genes: np.ndarray) -> np.ndarray:
        """uint8 model inputs (B, 224, 224, 3) of gene vectors, drawn incrementally."""
        return self.canvas.render(genes)

    def logits(self, genes: np.ndarray) -> np.ndarray:
        """Float logits (B, 1000) of gene vectors (B, size)."""
        g = np.atleast_2d(genes)
        parts = [g[: self.lead], g[self.lead :]] if 0 < self.lead < len(g) else [g]
        pending, done = None, []
        for k, part in enumerate(parts):
            # A buffer is rewritten only by the next call, after LiteRT has copied it in.
            pictures = self.canvas.render(part, self._buffer(k, len(part)))
            if pending is not None:
                done.append(pending.result())
            threads = 1 if k < len(parts) - 1 else None  # the last call has the cores alone
            pending = self._executor.submit(self.model.logits, pictures, threads)
        done.append(pending.result())
        return np.concatenate(done)


_EXECUTORS: list = []


def _executor():
    """One shared worker thread for inference (LiteRT's own threads do the parallel work)."""
    if not _EXECUTORS:
        from concurrent.futures import ThreadPoolExecutor

        _EXECUTORS.append(ThreadPoolExecutor(max_workers=2, thread_name_prefix="imagenet"))
    return _EXECUTORS[0]
