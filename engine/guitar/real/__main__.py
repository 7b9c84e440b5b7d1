"""`python -m engine.guitar.real`: restore the real guitar photos into data/real/guitar/."""

import sys

from engine import mirror
from engine.guitar.real import FOLDER, MANIFEST

done = mirror.restore(MANIFEST, FOLDER)
print(mirror.report(done))
sys.exit(1 if done.missing else 0)
