"""Segments: list, detail with composition charts and members, and the rule builder."""
