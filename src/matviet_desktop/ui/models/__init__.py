"""Qt item models over core service results (lazy, keyset-paged where lists are large)."""
