"""Emailed summaries on a real SMTP server."""
