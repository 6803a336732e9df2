"""The review workflow: optimistic locking, unpublishing, restores, the review queue."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0002_editorial_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Submission',
            fields=[
            ],
            options={
                'verbose_name': 'submission awaiting review',
                'verbose_name_plural': 'review queue',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('articles.revision',),
        ),
        migrations.AlterModelOptions(
            name='article',
            options={'ordering': ['-updated_at'], 'permissions': [('submit_article', 'Can submit articles for review'), ('publish_article', 'Can review, approve and schedule articles'), ('unpublish_article', 'Can unpublish articles and restore earlier revisions')]},
        ),
        migrations.AddField(
            model_name='article',
            name='last_edited_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='article',
            name='unpublished_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='article',
            name='unpublished_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='article',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name='revision',
            name='restored_from',
            field=models.ForeignKey(blank=True, help_text='The earlier revision whose content this one made live again.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='articles.revision'),
        ),
        migrations.AlterField(
            model_name='revision',
            name='change_summary',
            field=models.CharField(blank=True, help_text="What changed, in words a reader would understand. Readers see it in the article's update history, so keep it spoiler-free.", max_length=300),
        ),
    ]
