"""Sending engine: outbox, send loop, rate limits, retry classes, delivery polling, compliance."""
