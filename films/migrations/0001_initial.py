
import django.core.validators
import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Films and authors move here from the articles app, rows and all.

    Only Django's idea of where the models live changes in this step: the
    tables stay as they are (``articles_film`` and so on) until 0002 renames
    them, after articles 0006 has pointed its links here.
    """

    initial = True

    dependencies = [
        ('articles', '0005_images'),
        ('images', '0002_staff_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Author',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(help_text='As shown in the byline.', max_length=200)),
                        ('slug', models.SlugField(max_length=220, unique=True)),
                        ('bio', models.TextField(blank=True, help_text='A sentence or two for the author page.')),
                        ('user', models.OneToOneField(blank=True, help_text='The staff account that writes as this author, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='author_profile', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'articles_author',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Film',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(help_text='The title readers know, e.g. in English.', max_length=200)),
                        ('original_title', models.CharField(blank=True, help_text='Title in the original language, if different (e.g. “7. Koğuştaki Mucize”).', max_length=200)),
                        ('slug', models.SlugField(help_text="Part of the film page's address.", max_length=220, unique=True)),
                        ('year', models.PositiveSmallIntegerField(help_text='Year of first release.', validators=[django.core.validators.MinValueValidator(1870), django.core.validators.MaxValueValidator(2100)])),
                        ('country', models.CharField(help_text='Country of production.', max_length=100)),
                        ('original_language', models.CharField(blank=True, max_length=100)),
                        ('director', models.CharField(blank=True, help_text='Leave empty if unsure.', max_length=200)),
                        ('genre', models.CharField(blank=True, help_text='e.g. “comedy-drama”.', max_length=100)),
                        ('runtime_minutes', models.PositiveSmallIntegerField(blank=True, help_text='Running time in minutes, if known.', null=True)),
                        ('synopsis', models.TextField(help_text='Two or three spoiler-free sentences. Shown in listings and search results, so never give away a twist or the ending here.')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('adaptation_of', models.ForeignKey(blank=True, help_text='If this film is a remake or adaptation, the film it is based on.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adaptations', to='films.film')),
                        ('poster', models.ForeignKey(blank=True, help_text="The film's poster, shown on its page and in the facts box. Use the + to upload one; it needs alt text.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='images.image')),
                    ],
                    options={
                        'db_table': 'articles_film',
                        'ordering': ['title', 'year'],
                    },
                ),
                migrations.CreateModel(
                    name='Credit',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('actor', models.CharField(max_length=200)),
                        ('character', models.CharField(max_length=200)),
                        ('character_note', models.CharField(blank=True, help_text="A spoiler-free description, e.g. “Ova's father”.", max_length=200)),
                        ('sort_order', models.PositiveSmallIntegerField(default=0)),
                        ('film', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cast', to='films.film')),
                    ],
                    options={
                        'db_table': 'articles_credit',
                        'ordering': ['sort_order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Availability',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('service', models.CharField(help_text='e.g. “Netflix”.', max_length=100)),
                        ('audio', models.CharField(blank=True, help_text='Audio languages, e.g. “Turkish, English dub”.', max_length=200)),
                        ('subtitles', models.CharField(blank=True, help_text='Subtitle languages, e.g. “English”.', max_length=200)),
                        ('url', models.URLField(blank=True, help_text='Optional link to the film on the service.')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0)),
                        ('film', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='availability', to='films.film')),
                    ],
                    options={
                        'verbose_name': 'where to watch',
                        'verbose_name_plural': 'where to watch',
                        'db_table': 'articles_availability',
                        'ordering': ['sort_order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Rating',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('source', models.CharField(help_text='Who gives the rating, e.g. “IMDb”.', max_length=100)),
                        ('label', models.CharField(blank=True, help_text='What is rated, e.g. “audience score”.', max_length=100)),
                        ('value', models.DecimalField(decimal_places=1, max_digits=5)),
                        ('best', models.DecimalField(decimal_places=1, default=Decimal('10'), help_text='The top of the scale: 10 for “8.2/10”, 100 for a percentage.', max_digits=5)),
                        ('as_of', models.DateField(help_text='The day the figure was read from the source.')),
                        ('url', models.URLField(blank=True)),
                        ('sort_order', models.PositiveSmallIntegerField(default=0)),
                        ('film', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='films.film')),
                    ],
                    options={
                        'db_table': 'articles_rating',
                        'ordering': ['sort_order', 'pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('value__lte', models.F('best'))), name='rating_value_within_scale', violation_error_message='A rating cannot be higher than the top of its scale.')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
