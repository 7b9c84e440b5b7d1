"""The float Keras MobileNetV2 rebuilt from the quantised file names what the file names."""

from pathlib import Path

import numpy as np
import pytest

from engine import backbone

ROOT = Path(__file__).resolve().parents[2]
# The shipped copy once `make imagenet` has run, else the shared original it is built from.
SOURCES = [
    ROOT / "models" / "imagenet.tflite",
    ROOT.parent / "shared" / "imagenet" / "tf2_mobilenet_v2_1.0_224_ptq.tflite",
]
SOURCE = next((p for p in SOURCES if p.exists()), None)


def _litert_top(path: Path, x: np.ndarray) -> np.ndarray:
    """The file's own scores over Keras' 1000 classes (background row dropped)."""
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(model_path=str(path))
    interpreter.allocate_tensors()
    inp, out = interpreter.get_input_details()[0], interpreter.get_output_details()[0]
    interpreter.set_tensor(inp["index"], x[None])
    interpreter.invoke()
    return interpreter.get_tensor(out["index"])[0][1:].astype(np.float32)


@pytest.mark.skipif(SOURCE is None, reason="no ImageNet MobileNetV2 file here")
def test_rebuilt_model_agrees_with_the_quantised_file_on_real_photos():
    import cv2
    import skimage.data

    model = backbone.mobilenet_v2(SOURCE)
    for name in ("coffee", "chelsea", "rocket"):
        x = cv2.resize(getattr(skimage.data, name)()[..., :3], (224, 224), cv2.INTER_AREA)
        logits = np.asarray(model(backbone.preprocess(x[None]), training=False))[0]
        theirs = _litert_top(SOURCE, x)
        # int8 arithmetic against float: the same winner, and the file's top 3 in our top 5.
        assert int(np.argmax(logits)) == int(np.argmax(theirs)), name
        assert set(np.argsort(-theirs)[:3]) <= set(np.argsort(-logits)[:5]), name


@pytest.mark.skipif(SOURCE is None, reason="no ImageNet MobileNetV2 file here")
def test_without_the_top_it_gives_the_pooled_1280_features():
    features = backbone.mobilenet_v2(SOURCE, include_top=False)
    out = np.asarray(features(np.zeros((2, 224, 224, 3), np.float32), training=False))
    assert out.shape == (2, 1280) and np.isfinite(out).all()
