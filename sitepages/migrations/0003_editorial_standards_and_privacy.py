from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0002_staff_permissions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sitepage",
            name="slug",
            field=models.SlugField(
                choices=[
                    ("about", "About"),
                    ("contact", "Contact"),
                    ("editorial-standards", "Editorial standards"),
                    ("corrections-policy", "Corrections policy"),
                    ("privacy", "Privacy"),
                ],
                help_text="Which page this is.",
                max_length=40,
                unique=True,
            ),
        ),
    ]
