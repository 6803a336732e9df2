from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("corrections", "0003_submission_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="correction",
            name="public_note",
            field=models.CharField(
                blank=True,
                help_text="Shown on the article under “Corrections” when accepted: what was "
                "corrected, in plain text and without spoilers. Leave empty to list nothing.",
                max_length=300,
            ),
        ),
    ]
