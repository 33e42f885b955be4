"""nbclient (the engine behind `jupyter nbconvert --execute` and `jupyter execute`) running a
notebook on the hps kernel; the executed notebook must validate with nbformat."""
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from harness import KERNEL_NAME

SVG_CLASS = (
    "class Dot:\n"
    "    def __repr__(self): return 'Dot()'\n"
    "    def _repr_svg_(self):\n"
    "        return '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>'"
)


def notebook(*cells):
    return new_notebook(cells=[new_markdown_cell("# hps")] + [new_code_cell(c) for c in cells])


def execute(nb, **options):
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60, startup_timeout=60, **options).execute()
    return nb


class NotebookClientTests(unittest.TestCase):
    def test_outputs_counts_and_metadata(self):
        nb = execute(notebook('print("hello")', SVG_CLASS, "display(Dot())\n6 * 7", "x = 1"))
        nbformat.validate(nb)
        self.assertEqual(nb.metadata.language_info.name, "hps")
        self.assertEqual(nb.metadata.language_info.file_extension, ".hps")
        code = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual([c.execution_count for c in code], [1, 2, 3, 4])
        self.assertEqual(code[0].outputs[0].output_type, "stream")
        self.assertEqual(code[0].outputs[0].text, "hello\n")
        shown, result = code[2].outputs
        self.assertEqual(shown.output_type, "display_data")
        self.assertIn("<circle", shown.data["image/svg+xml"])
        self.assertEqual(result.output_type, "execute_result")
        self.assertEqual(result.data["text/plain"], "42")
        self.assertEqual(code[3].outputs, [])

    def test_error_stops_the_run_unless_allowed(self):
        with self.assertRaises(CellExecutionError) as raised:
            execute(notebook("1 / 0", 'print("not reached")'))
        self.assertIn("ZeroDivisionError", str(raised.exception))
        nb = execute(notebook("1 / 0", 'print("reached")'), allow_errors=True)
        nbformat.validate(nb)
        error, after = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual(error.outputs[0].output_type, "error")
        self.assertEqual(error.outputs[0].ename, "ZeroDivisionError")
        self.assertEqual(after.outputs[0].text, "reached\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
