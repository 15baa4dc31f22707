"""What gunicorn's preloaded master loads once, so that no forked worker's first request pays for it."""

import subprocess
import sys

from tests.conftest import PROJECT

PRELOADED = (
    "import time, jieba\n"
    "import archive.wsgi\n"
    "print(jieba.dt.initialized)\n"
    "from resolutions.search.analysis import chinese_words\n"
    "started = time.monotonic()\n"
    "chinese_words('消除贫穷 developmnet')\n"
    "print(round(time.monotonic() - started, 3))\n"
)


def test_the_chinese_dictionary_is_loaded_before_workers_fork():
    """jieba loaded its dictionary in each worker's first search (some 4 s, the worker's threads waiting)."""
    result = subprocess.run(
        [sys.executable, "-c", PRELOADED], cwd=PROJECT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    initialized, first_cut_seconds = result.stdout.split()
    assert initialized == "True"
    assert float(first_cut_seconds) < 0.5  # no dictionary to load: a cut of a few words
