"""Letters of the request register: per-agency templates, generated letters, attachments."""
