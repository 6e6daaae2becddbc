"""Mắt Việt Desktop: CRM/CDP for the Mắt Việt eyewear chain."""

__version__ = "0.1.0"
