"""Reusable widgets: page headers, cards, KPI tiles, banners, charts."""
