from django.db import migrations, models


def fill_correction_deadlines(apps, schema_editor):
    """Requests already waiting for a 补正 get the period their notice named; fee deadlines
    are filled by the next recompute (the daily reminder run or a calendar save)."""
    Application = apps.get_model("applications", "Application")
    Event = apps.get_model("applications", "ApplicationEvent")
    waiting = Application.objects.filter(status="awaiting_correction", voided=False)
    for app in waiting.iterator(chunk_size=1000):
        asked = (
            Event.objects.filter(application=app, kind="correction_requested")
            .order_by("-day", "-id")
            .first()
        )
        if asked is not None and asked.due is not None:
            Application.objects.filter(pk=app.pk).update(lapses_on=asked.due)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_queue_order_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="lapses_on",
            field=models.DateField(blank=True, null=True, verbose_name="补正或缴费期限"),
        ),
        migrations.RunPython(fill_correction_deadlines, migrations.RunPython.noop),
    ]
