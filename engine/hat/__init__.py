"""Sorting hat: Haar-cascade faces in a group photo, each sorted into a house by a small CNN."""
