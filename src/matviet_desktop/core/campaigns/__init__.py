"""Campaign management: lifecycle, audiences, content, cost, holdouts (issue 7)."""
