"""gongkai — 政府信息公开."""
