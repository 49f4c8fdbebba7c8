"""Emailed summaries: settings (TOML), composing, SMTP over TLS, the outbox and the sent log."""
