"""Customers: lists, search and Customer 360; phone normalisation, identity matching, duplicate review and merge."""
