"""`python -m engine.ufo.real`: restore the real UFO validation photos into data/real/ufo/."""

import sys

from engine.hat.real import mirror
from engine.ufo.real import FOLDER, MANIFEST

done = mirror.restore(MANIFEST, FOLDER)
print(mirror.report(done))
sys.exit(1 if done.missing else 0)
