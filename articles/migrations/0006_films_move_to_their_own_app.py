
import django.db.models.deletion
from django.db import migrations, models




# Content types carry the permissions the Editors and Moderators groups hold
# (change_film, view_author, ...), so they move with the models instead of
# being created anew and leaving the groups without them.
MOVED_MODELS = ["film", "credit", "availability", "rating", "author"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="articles", model__in=MOVED_MODELS).update(
        app_label="films"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="films", model__in=MOVED_MODELS).update(
        app_label="articles"
    )


class Migration(migrations.Migration):
    """Articles and revisions now point at films.Film and films.Author.

    The foreign keys already reference the same tables, so nothing changes
    in the database; the old model definitions leave the articles app.
    """

    dependencies = [
        ('articles', '0005_images'),
        ('films', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='author',
                    name='user',
                ),

                migrations.AlterField(
                    model_name='article',
                    name='author',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='articles', to='films.author'),
                ),
                migrations.AlterField(
                    model_name='revision',
                    name='author',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='revisions', to='films.author'),
                ),
                migrations.RemoveField(
                    model_name='availability',
                    name='film',
                ),
                migrations.RemoveField(
                    model_name='credit',
                    name='film',
                ),
                migrations.RemoveField(
                    model_name='film',
                    name='adaptation_of',
                ),
                migrations.RemoveField(
                    model_name='film',
                    name='poster',
                ),
                migrations.AlterField(
                    model_name='revision',
                    name='film',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='films.film'),
                ),
                migrations.AlterField(
                    model_name='article',
                    name='film',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='articles', to='films.film'),
                ),
                migrations.RemoveConstraint(
                    model_name='rating',
                    name='rating_value_within_scale',
                ),
                migrations.DeleteModel(
                    name='Author',
                ),
                migrations.DeleteModel(
                    name='Availability',
                ),
                migrations.DeleteModel(
                    name='Credit',
                ),
                migrations.RemoveField(
                    model_name='rating',
                    name='film',
                ),
                migrations.DeleteModel(
                    name='Film',
                ),
                migrations.DeleteModel(
                    name='Rating',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
