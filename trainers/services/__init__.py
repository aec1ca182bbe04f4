"""Every state change of the trainer pathway (CONVENTIONS.md): keyword-only, one transaction,
`full_clean()`, `ValidationError(code=...)` on refusal, an audit entry `trainers.<noun>.<verb>`."""
