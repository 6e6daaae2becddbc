"""Customers: phone normalisation, identity matching, duplicate review and merge."""
