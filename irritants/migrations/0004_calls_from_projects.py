"""Calls for irritants, created by the projects app (projects/migrations/0001), move here
whole: the same tables, rows, content types, revisions and permissions."""

import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from home.content_types import move_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('irritants', '0003_log_entries'),
        ('projects', '0003_callforirritantspage_publish_results'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of which app holds them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CallForIrritantsPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='Two or three sentences shown at the top of the page and in listings. Also used as the description for search engines when none is set.', max_length=600, verbose_name='introduction')),
                        ('eligibility', wagtail.fields.RichTextField(help_text='Which agents may report an irritant, whatever their service.', verbose_name='who may answer')),
                        ('opens_on', models.DateField(verbose_name='opening date')),
                        ('closes_on', models.DateField(help_text='Last day on which irritants are received.', verbose_name='closing date')),
                        ('next_steps', wagtail.fields.RichTextField(help_text='How irritants are reviewed, when agents get an answer, what follows.', verbose_name='what happens next')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 4), ('quote', 7), ('key_figure', 11), ('call_to_action', 16), ('accordion', 22), ('document', 25), ('embed', 28), ('table', 33)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2'), ('h3', 'Level 3'), ('h4', 'Level 4')], 'help_text': 'Use level 2 for the main sections, then 3 and 4 inside them.', 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image', 'template': 'blocks/image.html'}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Quote', 'max_length': 600}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 150, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('quote', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example “200 000 €” or “20 %”.', 'label': 'Figure', 'max_length': 30}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'What it measures', 'max_length': 120}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Source', 'max_length': 150, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('value', 8), ('label', 9), ('source', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 80}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Description', 'max_length': 250, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'External link', 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('text', 12), ('description', 13), ('page', 14), ('url', 15)]], {}), 17: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120, 'required': False}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 200}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Answer'}), 20: ('wagtail.blocks.StructBlock', [[('question', 18), ('answer', 19)]], {}), 21: ('wagtail.blocks.ListBlock', (20,), {'label': 'Questions', 'min_num': 1}), 22: ('wagtail.blocks.StructBlock', [[('title', 17), ('items', 21)]], {}), 23: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the document's title.", 'label': 'Link text', 'max_length': 150, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('document', 23), ('label', 24)]], {}), 26: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Address of the video or content'}), 27: ('wagtail.blocks.CharBlock', (), {'help_text': 'Read by screen readers to announce the embedded content.', 'label': 'Title', 'max_length': 150}), 28: ('wagtail.blocks.StructBlock', [[('embed', 26), ('title', 27)]], {}), 29: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the table shows.', 'label': 'Caption', 'max_length': 200}), 30: ('wagtail.blocks.CharBlock', (), {'label': 'Text'}), 31: ('wagtail.blocks.DecimalBlock', (), {'label': 'Number'}), 32: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 30), ('number', 31)]], {'label': 'Table'}), 33: ('wagtail.blocks.StructBlock', [[('caption', 29), ('table', 32)]], {})}, verbose_name='more details')),
                        ('publish_results', models.BooleanField(default=False, help_text='Show the number of irritants per status and the titles of the selected ones. Nothing personal is ever shown.', verbose_name='publish the results')),
                    ],
                    options={
                        'verbose_name': 'call for irritants',
                        'verbose_name_plural': 'calls for irritants',
                        'db_table': 'projects_callforirritantspage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='CallIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='Two or three sentences shown at the top of the page and in listings. Also used as the description for search engines when none is set.', max_length=600, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'calls for irritants index',
                        'verbose_name_plural': 'calls for irritants indexes',
                        'db_table': 'projects_callindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.AlterField(
                    model_name='irritant',
                    name='call',
                    field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='irritants', to='irritants.callforirritantspage', verbose_name='call'),
                ),
            ],
        ),
        move_content_types('projects', 'irritants', ['callforirritantspage', 'callindexpage']),
    ]
