"""Builds the teaching notebooks from their cell sources.

    python notebooks/tools/build_notebooks.py [--hps PATH] [NAME ...]

Each `notebooks/tools/cells/NAME.cells` holds the cells of one notebook: a line `%% markdown` or
`%% code` starts a cell, everything up to the next marker is its text. The script writes
`notebooks/NAME.ipynb` (nbformat 4, stable cell ids), runs it in place with `hps notebook run`
so readers see the outputs (the runner also writes the hps kernelspec and language_info), and
writes the plain-script twin `notebooks/NAME.hps` with `hps notebook export`. Needs `nbformat`
(scripts/test's venv has it) and a built `hps` (default `.build/debug/hps`).
"""
import argparse
import pathlib
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CELLS = NOTEBOOKS / "tools" / "cells"


def parse_cells(text, source):
    cells, kind, lines = [], None, []

    def flush():
        body = "\n".join(lines).strip("\n")
        if kind is not None and body:
            cells.append((kind, body))

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("%% "):
            flush()
            kind, lines = line[3:].strip(), []
            if kind not in ("markdown", "code"):
                sys.exit(f"{source}:{number}: unknown cell kind '{kind}' (use '%% markdown' or '%% code')")
        elif kind is None:
            if line.strip():
                sys.exit(f"{source}:{number}: text before the first '%% markdown' / '%% code' marker")
        else:
            lines.append(line)
    flush()
    return cells


def build(name, hps):
    source = CELLS / f"{name}.cells"
    cells = []
    for index, (kind, body) in enumerate(parse_cells(source.read_text(encoding="utf-8"), source)):
        cell = new_markdown_cell(body) if kind == "markdown" else new_code_cell(body)
        cell["id"] = f"{name}-{index:02d}"[:64]
        cells.append(cell)
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "hps", "display_name": "hps", "language": "hps"}
    path = NOTEBOOKS / f"{name}.ipynb"
    nbformat.validate(notebook)
    nbformat.write(notebook, str(path))
    for arguments in (["notebook", "run", path.name, "--inplace"], ["notebook", "export", path.name]):
        run = subprocess.run([hps, *arguments], cwd=NOTEBOOKS)
        if run.returncode != 0:
            sys.exit(f"hps {' '.join(arguments)} failed for {name} (status {run.returncode})")
    nbformat.validate(nbformat.read(str(path), as_version=4))
    print(f"built {path.relative_to(ROOT)} and {name}.hps ({len(cells)} cells)")


def main():
    parser = argparse.ArgumentParser(description="Build notebooks/*.ipynb and their .hps twins from tools/cells.")
    parser.add_argument("--hps", default=str(ROOT / ".build" / "debug" / "hps"), help="the hps binary")
    parser.add_argument("names", nargs="*", help="notebook names (default: every .cells file)")
    options = parser.parse_args()
    names = options.names or sorted(p.stem for p in CELLS.glob("*.cells"))
    for name in names:
        if not (CELLS / f"{name}.cells").exists():
            sys.exit(f"no cell source {CELLS / (name + '.cells')}")
        build(name, options.hps)


if __name__ == "__main__":
    main()
