"""`python -m engine.hat.real`: restore the real group photos into data/real/hat/."""

import sys

from engine import mirror
from engine.hat.real import FOLDER, MANIFEST

done = mirror.restore(MANIFEST, FOLDER)
print(mirror.report(done))
sys.exit(1 if done.missing else 0)
