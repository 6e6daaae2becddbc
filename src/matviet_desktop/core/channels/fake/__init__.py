"""Loopback fake providers that speak the real protocols (tests, demo mode, `matviet fake-providers`)."""
