"""Every write that matters in events: keyword-only, one transaction, audited (CONVENTIONS.md)."""
