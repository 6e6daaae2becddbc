"""Customers: the searchable list and Customer 360."""
