"""`newsfacts serve`: Datasette on localhost with metadata, templates and the plugin written for the database."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from newsfacts.cli.options import DB_OPTION, CommandError, user_errors


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (localhost only by default).")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open a web browser on the page.")
@click.option("--write-metadata", type=click.Path(dir_okay=False), default=None,
              help="Only write the Datasette metadata JSON to FILE (for running datasette yourself).")
def serve(db_path, host, port, open_browser, write_metadata) -> None:
    """Browse the database in Datasette on localhost.

    The current_* views come first; every article has a page with its facts highlighted in the text,
    and facets, full-text search and canned queries are set up.

    Needs the serve extra: pip install 'newsfacts[serve]'.
    """
    with user_errors():
        from newsfacts import store

        store.open_db(db_path, create=False).close()
    from newsfacts.serve import TRUNCATE_CELLS, metadata, templates_dir

    meta = metadata(db_path)
    if write_metadata:
        Path(write_metadata).write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        click.echo(f"wrote {write_metadata}; run: datasette {db_path} --metadata {write_metadata} --template-dir "
                   f"{templates_dir()} --setting truncate_cells_html {TRUNCATE_CELLS} (the article pages, links "
                   "and formatted figures come with newsfacts serve only)", err=True)
        return
    try:
        from datasette.cli import cli as datasette_cli
        from datasette.plugins import pm
    except ImportError:
        raise CommandError("Datasette is not installed: pip install 'newsfacts[serve]'") from None
    from newsfacts.serve import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="newsfacts")
    with tempfile.TemporaryDirectory(prefix="newsfacts-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        args = ["serve", str(db_path), "--metadata", str(meta_path), "--host", host, "--port", str(port),
                "--template-dir", str(templates_dir()), "--setting", "truncate_cells_html", str(TRUNCATE_CELLS)]
        if open_browser:
            args.append("--open")
        click.echo(f"serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        datasette_cli.main(args, prog_name="datasette", standalone_mode=True)
