"""Queue today's deadline reminders for the worker (``gongkai manage remind``; cron it daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gongkai.web.notifications.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "把今天的期限提醒任务放入队列，由 gongkai worker 执行"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", action="store_true", help="不经队列，立即执行")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            result = send_deadline_reminders.call()
            self.stdout.write(f"已生成 {result['created']} 条提醒，发送 {result['emailed']} 封邮件")
        else:
            queued = send_deadline_reminders.enqueue()
            self.stdout.write(f"已放入队列：{queued.id}")
