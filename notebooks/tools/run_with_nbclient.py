"""Executes notebooks on the installed hps Jupyter kernel with nbclient (what `jupyter execute` and
`jupyter nbconvert --execute` use), the way a reader would run them.

    python notebooks/tools/run_with_nbclient.py [--timeout 60] NB.ipynb ...

Each notebook runs in a fresh temporary working directory holding a copy of it, so the files the
notebook writes do not land in the repository. The executed notebook must validate with nbformat
and contain no error output. Prints one `OK <name> <seconds>s` line per notebook; exits 1 on the
first failure with the reason.
"""
import argparse
import pathlib
import shutil
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient


def run(path, timeout):
    with tempfile.TemporaryDirectory(prefix="hps-nbclient-") as work:
        copy = pathlib.Path(work) / path.name
        shutil.copy(path, copy)
        notebook = nbformat.read(str(copy), as_version=4)
        client = NotebookClient(notebook, kernel_name="hps", timeout=timeout, startup_timeout=60,
                                resources={"metadata": {"path": work}})
        started = time.monotonic()
        client.execute()
        elapsed = time.monotonic() - started
    nbformat.validate(notebook)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if cell.execution_count is None:
            raise AssertionError(f"cell {index} was not executed")
        for output in cell.outputs:
            if output.output_type == "error":
                raise AssertionError(f"cell {index} raised {output.ename}: {output.evalue}")
    svgs = sum(1 for c in notebook.cells if c.cell_type == "code" for o in c.outputs
               if o.output_type in ("display_data", "execute_result") and "image/svg+xml" in o.get("data", {}))
    return elapsed, svgs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60, help="seconds allowed per cell")
    parser.add_argument("notebooks", nargs="+", type=pathlib.Path)
    options = parser.parse_args()
    for path in options.notebooks:
        try:
            elapsed, svgs = run(path, options.timeout)
        except Exception as error:  # report which notebook failed and why, then stop
            print(f"FAIL {path.name}: {type(error).__name__}: {error}")
            sys.exit(1)
        print(f"OK {path.name} {elapsed:.1f}s {svgs} svg")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
