"""Every fact of the source notes reaches the reader: a key phrase of each, on the pages of its part
of the site (the notes grew beyond the pages the seed had, so a fact may have moved to a sibling page).

The phrases are patterns, so a page may reword a fact; what it may not do is drop one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SEED_FACTS = {
    "index.html": [
        r"Associate", r"[Tt]wo or more years|2 years", r"180 minutes", r"65 questions", r"[Mm]ultiple choice",
        r"[Mm]ultiple response", r"[Pp]artial credit", r"[Uu]nanswered", r"100 to 1,000", r"750", r"[Ss]caled",
        r"20%", r"24%", r"36%", r"Exploratory Data Analysis", r"Modeling",
        r"Machine Learning Implementation and Operations", r"Glue", r"Kinesis", r"limits", r"prices",
        r"version", r"expert", r"your own", r"[Ss]upplement", r"gaps",
    ],
    "domain-1-data-preparation/ domain-3-deployment-and-orchestration/": [
        r"[Ff]etch", r"[Cc]lean", r"[Pp]repare", r"[Dd]eploy", r"[Mm]onitor", r"real time|real-time", r"batch",
        r"API", r"if/then|if-then|rules", r"forecast", r"option A", r"100 rows", r"null", r"[Ii]nconsistent",
        r"skew", r"[Bb]iased", r"10 times|ten times|10×", r"single", r"attribute", r"feature", r"observation",
        r"sample", r"data point", r"[Mm]ost of the data collected is unstructured", r"CSV", r"JSON", r"XML",
        r"[Tt]ransactional", r"[Ss]chema-on-write", r"[Ss]chema-on-read", r"BI", r"target", r"[Qq]ualitative",
        r"[Dd]iscrete", r"[Qq]uantitative", r"[Ii]nfinite", r"NLP", r"speech recognition", r"text to speech|text-to-speech",
        r"Ground Truth", r"MNIST", r"ImageNet", r"handwrit", r"Facial recognition", r"action recognition",
        r"object detection", r"[Rr]eviews", r"tweets", r"dialog", r"MP3", r"Electrical", r"motion", r"chemical",
        r"astronomy", r"earth science", r"microbes", r"census", r"transit", r"games", r"0 bytes", r"5 TB", r"50 TB",
        r"bucket", r"Console", r"CLI", r"SDK", r"RDS", r"DynamoDB", r"NoSQL", r"Redshift", r"Timestream",
        r"DocumentDB", r"MongoDB", r"Data Pipeline", r"DMS", r"ETL", r"SqlActivity", r"custom classifier",
        r"UNLOAD", r"PostgreSQL", r"MySQL", r"EMR", r"Hadoop", r"petabytes", r"Athena", r"[Ss]erverless",
        r"Spectrum",
    ],
    "domain-1-data-preparation/": [
        r"Kaggle", r"UCI", r"Open Data", r"BigQuery", r"Data Streams", r"Firehose", r"Video Streams",
        r"Data Analytics", r"producer", r"consumer", r"shard", r"[Pp]artition key", r"[Ss]equence number",
        r"1,000 records", r"500", r"data blob", r"1 MB|1 MiB", r"24 hours", r"7 days", r"365 days", r"KPL", r"KCL",
        r"retries", r"delay", r"Java", r"PutRecords", r"GetRecords", r"reshard", r"AWS SDK",
        r"[Rr]eal-time analytics", r"logs", r"clickstream", r"Lambda", r"IoT", r"data lake", r"[Ww]ebcam",
        r"[Mm]icrophone", r"fragments", r"frames", r"radar", r"SQL", r"dashboard", r"alarm", r"threshold",
        r"sensor", r"Apache log", r"100 EC2", r"sporting event", r"metric", r"console", r"S3 API",
    ],
}


def text_of(site_dir: Path, where: str) -> str:
    """The reading text of a page, or of every page under the folders named (space-separated)."""
    if where.endswith(".html"):
        paths = [site_dir / where]
    else:
        paths = sorted(p for folder in where.split() for p in (site_dir / folder).rglob("index.html"))
    texts = [BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").select_one("article").get_text(" ") for p in paths]
    return re.sub(r"\s+", " ", " ".join(texts))


@pytest.mark.parametrize("where", sorted(SEED_FACTS))
def test_seed_facts_reach_the_reader(site_dir: Path, where: str) -> None:
    text = text_of(site_dir, where)
    missing = [pattern for pattern in SEED_FACTS[where] if not re.search(pattern, text)]
    assert not missing, f"{where.strip()} no longer states: {missing}"
