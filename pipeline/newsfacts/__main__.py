from newsfacts.cli import cli

cli(prog_name="newsfacts")
