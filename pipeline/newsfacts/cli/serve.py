"""`newsfacts serve`: Datasette on localhost with metadata written for the database."""

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

    With facets, entity labels, full-text search and canned queries set up.

    Needs the serve extra: pip install 'newsfacts[serve]'.
    """
    with user_errors():
        from newsfacts import store

        store.open_db(db_path, create=False).close()
    from newsfacts.serve import metadata

    meta = metadata(db_path)
    if write_metadata:
        Path(write_metadata).write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        click.echo(f"wrote {write_metadata}; run: datasette {db_path} --metadata {write_metadata}", err=True)
        return
    try:
        from datasette.cli import cli as datasette_cli
    except ImportError:
        raise CommandError("Datasette is not installed: pip install 'newsfacts[serve]'") from None
    with tempfile.TemporaryDirectory(prefix="newsfacts-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        args = ["serve", str(db_path), "--metadata", str(meta_path), "--host", host, "--port", str(port)]
        if open_browser:
            args.append("--open")
        click.echo(f"serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        datasette_cli.main(args, prog_name="datasette", standalone_mode=True)
