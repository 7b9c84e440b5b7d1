"""The guitar renderer's parts; `engine.guitar.render` assembles them into a product shot."""
