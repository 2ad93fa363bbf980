"""gongkai.web: the Django side — the agency workbench (条例 第二十九条 to 第四十二条)."""
