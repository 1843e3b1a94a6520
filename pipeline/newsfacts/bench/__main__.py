"""`python -m newsfacts.bench`: the `newsfacts bench` command."""

from newsfacts.cli.bench import bench as bench_command

bench_command(prog_name="python -m newsfacts.bench")
