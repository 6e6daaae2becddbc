"""Messaging channels behind one adapter interface (`base.Channel`)."""
