"""Customers: phone normalisation, identity and merge, consent, order statistics, list and 360 queries."""
