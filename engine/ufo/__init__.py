"""UFO masks: one cut-out saucer, procedural skies, composites and a small U-Net."""
