"""`make imagenet`: rebuild models/imagenet.tflite from the shared MobileNetV2 and check it.

The shared file (google-coral/test_data, Apache-2.0) is patched, not retrained: its Reshape
gets a free batch dimension and the graph ends at the logits (the coarse uint8 softmax reads
exactly 0 far from the top, which a hill climb cannot climb). Both sha256 sums are checked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

import flatbuffers
import numpy as np
from ai_edge_litert import schema_py_generated as schema

from engine import cards

NAME = "imagenet"
TITLE = "MobileNetV2 (quantised, ImageNet)"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "imagenet"
SOURCE = "tf2_mobilenet_v2_1.0_224_ptq.tflite"
SOURCE_SHA256 = "5d3137241276e79c86d14a74fe43581398ae0e815191d3dba45495b810840e8c"
SHIPPED_SHA256 = "73f0022e1ddfbf71a513a498e463b911137276bb5f79de56d81b54b9491501b6"
REPOSITORY = "https://github.com/google-coral/test_data"
COMMIT = "104342d2d3480b3e66203073dac24f4e2dbb4c41"
LICENCE_FILE = "LICENSE-imagenet"
NOTICE = (
    "models/imagenet.tflite: Google's MobileNetV2 1.0 224 (post-training quantised), from "
    f"{REPOSITORY} at {COMMIT} ({SOURCE}), Apache License 2.0 (models/{LICENCE_FILE}); "
    "modified: free batch dimension, outputs the logits instead of the softmax.\n"
)
# Tensor names in the source graph: the Reshape's shape constant and its output (the logits).
RESHAPE_OP = 22  # builtin operator code of RESHAPE
SOFTMAX_OP = 25


def sha256(data: bytes) -> str:
    """Hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def patch(source: bytes) -> bytes:
    """The source flatbuffer with a free batch dimension, ending at the int8 logits."""
    model = schema.ModelT.InitFromPackedBuf(source, 0)
    graph = model.subgraphs[0]
    codes = [model.operatorCodes[op.opcodeIndex].builtinCode for op in graph.operators]
    at = codes.index(SOFTMAX_OP)
    reshape = graph.operators[at - 1]
    if codes[at - 1] != RESHAPE_OP:
        raise ValueError("unexpected graph: the softmax does not follow a Reshape")
    shape = graph.tensors[reshape.inputs[1]]
    model.buffers[shape.buffer].data = np.array([-1, 1001], "<i4").view(np.uint8)
    logits = int(reshape.outputs[0])
    graph.tensors[logits].shapeSignature = np.array([-1, 1001], np.int32)
    graph.tensors[graph.inputs[0]].shapeSignature = np.array([-1, 224, 224, 3], np.int32)
    graph.operators = graph.operators[:at]  # drop SOFTMAX and the uint8 QUANTIZE after it
    graph.outputs = np.array([logits], np.int32)
    builder = flatbuffers.Builder(len(source) + 1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def labels(shared: Path) -> list[str]:
    """The 1,000 Keras-style class names in Keras order (the source's row 0 is background)."""
    index = json.loads((shared / "imagenet_class_index.json").read_text())
    return [index[str(k)][1] for k in range(len(index))]


def card(shipped: bytes, names: list[str], checks: dict) -> dict:
    """The model card: what it is, where it came from, what it outputs."""
    return cards.build(
        NAME,
        "perception",
        "classifier",
        labels=names,
        input={"height": 224, "width": 224, "channels": 3, "dtype": "uint8"},
        config={},  # not trained here: nothing to rebuild it from but the file below
        seed=None,
        data={"source": "ImageNet ILSVRC-2012 (trained by Google; not retrained here)"},
        training={"seconds": 0, "epochs": 0},
        metrics={"sample_photos_top5": checks},
        title=TITLE,
        output="logits (int8, dequantised by engine/perception/imagenet.py); column 0 of "
        "1001 is 'background' and is dropped, leaving Keras' 1,000 classes",
        serving="engine.perception.imagenet.ImagenetModel",
        provenance={
            "repository": REPOSITORY,
            "commit": COMMIT,
            "path": SOURCE,
            "source_sha256": SOURCE_SHA256,
            "file_sha256": sha256(shipped),
            "licence": "Apache-2.0",
            "licence_file": f"models/{LICENCE_FILE}",
            "labels": "imagenet_class_index.json from keras-hub 0.32.0 (Apache-2.0)",
            "changes": "Reshape [1,1001] -> [-1,1001]; SOFTMAX and QUANTIZE removed (logits "
            "out); rebuilt by `make imagenet` (engine/perception/build_imagenet.py)",
        },
    )


def sample_top5(model) -> dict[str, list[list]]:
    """Top-5 (label, probability) of scikit-image's coffee, chelsea and rocket (dev only)."""
    import cv2
    from skimage import data

    from engine.perception import imagenet

    found = {}
    for name in ("coffee", "chelsea", "rocket"):
        photo = cv2.resize(getattr(data, name)(), (224, 224), interpolation=cv2.INTER_AREA)
        p = imagenet.probabilities(model.logits(photo[None]))[0]
        found[name] = [[model.labels[i], round(float(p[i]), 3)] for i in np.argsort(p)[::-1][:5]]
    return found


def build(shared: Path = SHARED, out: Path | None = None, check: bool = True) -> Path:
    """Patch the shared file into models/, write licence, notice and card; verify sha256s."""
    out = out or cards.MODELS_DIR
    source = (shared / SOURCE).read_bytes()
    if sha256(source) != SOURCE_SHA256:
        raise ValueError(f"{SOURCE}: sha256 {sha256(source)} is not the expected {SOURCE_SHA256}")
    shipped = patch(source)
    if check and sha256(shipped) != SHIPPED_SHA256:
        raise ValueError(f"rebuilt file has sha256 {sha256(shipped)}, expected {SHIPPED_SHA256}")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{NAME}.tflite").write_bytes(shipped)
    shutil.copyfile(shared / "LICENSE", out / LICENCE_FILE)
    (out / "NOTICE").write_text(NOTICE)
    from engine.perception import imagenet  # reads the file just written

    names = labels(shared)
    model = imagenet.ImagenetModel(out / f"{NAME}.tflite", {"name": NAME, "labels": names})
    cards.write(card(shipped, names, sample_top5(model)), out)
    return out / f"{NAME}.tflite"


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild, or print the rebuilt sha256 without checking (--print-sha)."""
    parser = argparse.ArgumentParser(prog="python -m engine.perception.build_imagenet")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--print-sha", action="store_true", help="rebuild without the check")
    args = parser.parse_args(argv)
    path = build(args.shared, check=not args.print_sha)
    print(f"{path}: sha256 {sha256(path.read_bytes())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
