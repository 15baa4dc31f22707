from django.core.management.base import BaseCommand

from resolutions.models import SearchWord
from resolutions.search import refresh_vocabulary


class Command(BaseCommand):
    help = "Rebuild the did-you-mean vocabulary of the search from the texts in the archive (run after imports)."

    def handle(self, *args, **options):
        refresh_vocabulary()
        self.stdout.write(f"search vocabulary: {SearchWord.objects.count()} words")
