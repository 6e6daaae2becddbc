"""Demo mode: the embedded PostgreSQL server and the demo data generator."""
