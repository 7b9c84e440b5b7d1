"""`python -m engine.ufo.real`: restore the real UFO photos (validation) and the write-up's
training material (its 10 sky photos and cut-out) into data/real/ufo/ and data/real/ufo-train/."""

import sys

from engine import mirror
from engine.ufo.real import FOLDER, MANIFEST, TRAINING, TRAINING_FOLDER

missing = 0
for manifest, folder in ((MANIFEST, FOLDER), (TRAINING, TRAINING_FOLDER)):
    done = mirror.restore(manifest, folder)
    print(mirror.report(done))
    missing += len(done.missing)
sys.exit(1 if missing else 0)
