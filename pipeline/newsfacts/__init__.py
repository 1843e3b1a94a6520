"""newsfacts: turn folders of news articles into a queryable SQLite database of facts."""

__version__ = "0.1.0"
