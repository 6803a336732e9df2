from django.db import migrations


class Migration(migrations.Migration):
    """The tables take the films app's names (films_film, ...).

    Runs after articles 0006, so every foreign key already points at the
    films models; renaming a table keeps the keys that reference it.
    """

    dependencies = [
        ('films', '0001_initial'),
        ('articles', '0006_films_move_to_their_own_app'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='author',
            table=None,
        ),
        migrations.AlterModelTable(
            name='availability',
            table=None,
        ),
        migrations.AlterModelTable(
            name='credit',
            table=None,
        ),
        migrations.AlterModelTable(
            name='film',
            table=None,
        ),
        migrations.AlterModelTable(
            name='rating',
            table=None,
        ),
    ]
