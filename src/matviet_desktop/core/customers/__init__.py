"""Customers: order statistics, and later queries for lists, Customer 360, identity and merge."""
