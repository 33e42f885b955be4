"""jupyter_kernel_test's standard conformance checks against the installed hps kernelspec."""
import unittest

import jupyter_kernel_test

from harness import KERNEL_NAME


class HPSKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "hps"
    file_extension = ".hps"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys\nsys.stderr.write("something went wrong\\n")'

    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "whi", "matches": {"while"}},
        {"text": "str.upp", "matches": {"str.upper"}},
    ]

    complete_code_samples = ["1", 'print("hello, world")', "def f(x):\n    return x\n\n"]
    incomplete_code_samples = ["for i in range(3):", "x = [1,", 'print("""abc']
    invalid_code_samples = ["x = )", "1 +* 2"]

    code_generate_error = "1 / 0"
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "[1, 'two', 3.5]", "result": "[1, 'two', 3.5]"},
        {"code": "'ab' * 2", "result": "'abab'"},
    ]
    code_history_pattern = "6 *?"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": "class H:\n    def _repr_html_(self): return '<b>hi</b>'\ndisplay(H())", "mime": "text/html"},
        {"code": "display(3)", "mime": "text/plain"},
    ]
    code_clear_output = "clear_output()"

    code_inspect_sample = "len"
    code_page_something = "len?"


if __name__ == "__main__":
    unittest.main(verbosity=2)
