"""The hps kernel driven by jupyter_client (KernelManager + BlockingKernelClient), one test per
message type and behaviour. Run by HPSJupyterTests (Swift) with HPS_BINARY and JUPYTER_PATH set."""
import hashlib
import hmac
import json
import os
import signal
import sys
import subprocess
import tempfile
import time
import unittest
import uuid

import zmq

from harness import TIMEOUT, outputs, run, shell_reply, start_kernel, stop_kernel, stream_text


class ExecuteTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_kernel_info(self):
        msg_id = self.kc.kernel_info()
        reply = shell_reply(self.kc, msg_id)["content"]
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(reply["protocol_version"], "5.3")
        self.assertEqual(reply["implementation"], "hps")
        version = subprocess.run([os.environ["HPS_BINARY"], "--version"], capture_output=True, text=True, timeout=30)
        self.assertEqual(reply["implementation_version"], version.stdout.strip())
        info = reply["language_info"]
        self.assertEqual(info["name"], "hps")
        self.assertEqual(info["file_extension"], ".hps")
        self.assertEqual(info["pygments_lexer"], "python")
        self.assertEqual(info["codemirror_mode"], "python")
        self.assertIn("hps", reply["banner"])
        self.assertTrue(all("url" in link and "text" in link for link in reply["help_links"]))

    def test_busy_input_outputs_idle_in_order(self):
        reply, messages = run(self.kc, 'print("hello")\n6 * 7')
        types = [m["msg_type"] for m in messages]
        self.assertEqual(types[0], "status")
        self.assertEqual(messages[0]["content"]["execution_state"], "busy")
        self.assertEqual(types[1], "execute_input")
        self.assertEqual(messages[1]["content"]["code"], 'print("hello")\n6 * 7')
        self.assertEqual(types[2:], ["stream", "execute_result", "status"])
        self.assertEqual(stream_text(messages), "hello\n")
        result = messages[3]["content"]
        self.assertEqual(result["data"], {"text/plain": "42"})
        self.assertEqual(result["execution_count"], reply["content"]["execution_count"])
        self.assertEqual(messages[1]["content"]["execution_count"], reply["content"]["execution_count"])

    def test_stdout_and_stderr_streams(self):
        reply, messages = run(self.kc, 'import sys\nprint("out", 1)\nsys.stderr.write("err line\\n")\nprint("out", 2)')
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(stream_text(messages, "stdout"), "out 1\nout 2\n")
        self.assertEqual(stream_text(messages, "stderr"), "err line\n")
        names = [m["content"]["name"] for m in messages if m["msg_type"] == "stream"]
        self.assertEqual(names, ["stdout", "stderr", "stdout"], "streams keep the order the cell wrote in")

    def test_streams_are_published_while_the_cell_runs(self):
        code = 'import time\nprint("early")\ntime.sleep(1.5)\nprint("late")'
        reply, messages = run(self.kc, code)
        early = next(m for m in messages if m["msg_type"] == "stream" and "early" in m["content"]["text"])
        idle = messages[-1]
        self.assertGreater(idle["received"] - early["received"], 1.0, "early output waited for the cell to end")
        self.assertEqual(stream_text(messages), "early\nlate\n")

    def test_execution_count_silent_and_store_history(self):
        first, _ = run(self.kc, "1")
        second, _ = run(self.kc, "2")
        self.assertEqual(second["content"]["execution_count"], first["content"]["execution_count"] + 1)
        silent, messages = run(self.kc, 'print("quiet")\n3', silent=True)
        self.assertEqual(silent["content"]["status"], "ok")
        types = [m["msg_type"] for m in messages]
        self.assertNotIn("execute_input", types)
        self.assertNotIn("execute_result", types)
        self.assertEqual(stream_text(messages), "quiet\n", "silent still shows printed output (as IPython)")
        unstored, messages = run(self.kc, "4", store_history=False)
        self.assertIn("execute_result", [m["msg_type"] for m in messages])
        after, _ = run(self.kc, "5")
        self.assertEqual(after["content"]["execution_count"], second["content"]["execution_count"] + 1)

    def test_error_reply_and_traceback(self):
        reply, messages = run(self.kc, "def f():\n    return 1 / 0\nf()")
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "ZeroDivisionError")
        self.assertEqual(content["evalue"], "division by zero")
        out = outputs(messages)
        self.assertEqual([m["msg_type"] for m in out], ["error"])
        traceback = out[0]["content"]["traceback"]
        self.assertIsInstance(traceback, list)
        self.assertTrue(all(isinstance(line, str) and "\n" not in line for line in traceback))
        self.assertEqual(traceback[-1], "ZeroDivisionError: division by zero")
        self.assertTrue(any("in f" in line for line in traceback), traceback)

    def test_syntax_error_unicode_and_magics(self):
        reply, messages = run(self.kc, "x = (1,\ny = 2)")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "SyntaxError")
        self.assertEqual([m["msg_type"] for m in outputs(messages)], ["error"])
        _, messages = run(self.kc, 'print("héllo ✓ 日本")')
        self.assertEqual(stream_text(messages), "héllo ✓ 日本\n")
        reply, messages = run(self.kc, "%lsmagic")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("%timeit", stream_text(messages))

    def test_user_expressions(self):
        reply, _ = run(self.kc, "ux = 6", user_expressions={"double": "ux * 2", "bad": "no_such_name"})
        expressions = reply["content"]["user_expressions"]
        self.assertEqual(expressions["double"]["status"], "ok")
        self.assertEqual(expressions["double"]["data"]["text/plain"], "12")
        self.assertEqual(expressions["bad"]["status"], "error")
        self.assertEqual(expressions["bad"]["ename"], "NameError")

    def test_stop_on_error_aborts_queued_executes(self):
        slow_failure = "total = 0\nfor i in range(300000):\n    total += i\n1 / 0"
        failing = self.kc.execute(slow_failure)
        queued = self.kc.execute('print("must not run")')
        self.assertEqual(shell_reply(self.kc, failing)["content"]["status"], "error")
        aborted = shell_reply(self.kc, queued)
        self.assertEqual(aborted["content"]["status"], "aborted")
        # Without stop_on_error the next cell runs.
        failing = self.kc.execute(slow_failure, stop_on_error=False)
        queued = self.kc.execute("40 + 2")
        self.assertEqual(shell_reply(self.kc, failing)["content"]["status"], "error")
        self.assertEqual(shell_reply(self.kc, queued)["content"]["status"], "ok")

    def test_exit_asks_the_front_end_to_close(self):
        reply, _ = run(self.kc, "exit()")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["payload"][0]["source"], "ask_exit")
        after, _ = run(self.kc, "1 + 1")
        self.assertEqual(after["content"]["status"], "ok", "the kernel stays up until the front end shuts it down")

    def test_rich_execute_result(self):
        run(self.kc, "class Table:\n    def __repr__(self): return 'Table(2 rows)'\n    def _repr_html_(self): return '<table><tr><td>1</td></tr></table>'")
        reply, messages = run(self.kc, "Table()")
        result = [m for m in messages if m["msg_type"] == "execute_result"][0]["content"]
        self.assertEqual(result["data"]["text/plain"], "Table(2 rows)")
        self.assertEqual(result["data"]["text/html"], "<table><tr><td>1</td></tr></table>")
        self.assertEqual(result["execution_count"], reply["content"]["execution_count"])

    def test_display_update_and_clear(self):
        code = (
            "class Svg:\n"
            "    def __init__(self, n): self.n = n\n"
            "    def __repr__(self): return f'Svg({self.n})'\n"
            "    def _repr_svg_(self): return f'<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{self.n}</text></svg>'\n"
            "print('before')\n"
            "handle = display(Svg(1), display_id=True)\n"
            "handle.update(Svg(2))\n"
            "display({'a': 1}, raw=False)\n"
            "clear_output(wait=True)\n"
            "print('after')"
        )
        reply, messages = run(self.kc, code)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        out = outputs(messages)
        types = [m["msg_type"] for m in out]
        self.assertEqual(types, ["stream", "display_data", "update_display_data", "display_data", "clear_output", "stream"])
        shown, updated = out[1]["content"], out[2]["content"]
        self.assertIn("<text>1</text>", shown["data"]["image/svg+xml"])
        self.assertEqual(shown["data"]["text/plain"], "Svg(1)")
        display_id = shown["transient"]["display_id"]
        self.assertTrue(display_id)
        self.assertEqual(updated["transient"]["display_id"], display_id)
        self.assertIn("<text>2</text>", updated["data"]["image/svg+xml"])
        self.assertEqual(out[3]["content"]["data"]["text/plain"], "{'a': 1}")
        self.assertEqual(out[4]["content"], {"wait": True})

    def test_plot_is_an_svg_result(self):
        code = (
            "import hps.plot\n"
            "log = [{'loss': 2.0, 'step': 1}, {'loss': 1.0, 'step': 2}, {'loss': 0.5, 'step': 3}]\n"
            "hps.plot.training_curves(log)"
        )
        reply, messages = run(self.kc, code)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        result = [m for m in messages if m["msg_type"] == "execute_result"][0]["content"]["data"]
        self.assertTrue(result["image/svg+xml"].lstrip().startswith("<svg"), result.keys())
        self.assertIn("text/plain", result)

    def test_progress_updates_one_display(self):
        code = "import hps, time\np = hps.Progress(total=3, desc='trials')\nfor i in range(3):\n    time.sleep(0.15)\n    p.update(1)\np.close()"
        reply, messages = run(self.kc, code)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        out = outputs(messages)
        shown = [m for m in out if m["msg_type"] == "display_data"]
        updates = [m for m in out if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1, [m["msg_type"] for m in out])
        self.assertGreaterEqual(len(updates), 1)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertTrue(all(u["content"]["transient"]["display_id"] == display_id for u in updates))
        self.assertIn("3/3", updates[-1]["content"]["data"]["text/plain"])

    def test_pager_for_question_mark(self):
        reply, messages = run(self.kc, "len?")
        payload = reply["content"]["payload"]
        self.assertEqual(payload[0]["source"], "page")
        self.assertIn("Docstring", payload[0]["data"]["text/plain"])
        self.assertEqual(outputs(messages), [], "help goes to the pager, not the output area")

    def test_complete(self):
        run(self.kc, "import math\nlearning_rate = 0.1")
        cases = [
            ("pri", 3, "print", 0),
            ("x = lear", 8, "learning_rate", 4),
            ("whi", 3, "while", 0),
            ("math.sq", 7, "math.sqrt", 0),
            ("é = 1; pri", 10, "print", 7),  # cursor counts code points
            ("%tim", 4, "%timeit", 0),
        ]
        for code, cursor, expected, start in cases:
            with self.subTest(code=code):
                content = shell_reply(self.kc, self.kc.complete(code, cursor))["content"]
                self.assertEqual(content["status"], "ok")
                self.assertIn(expected, content["matches"])
                self.assertEqual(content["cursor_start"], start)
                self.assertEqual(content["cursor_end"], cursor)
        kinds = {
            entry["text"]: entry["type"]
            for code in ("pri", "whi", "math", "math.sq", "lear", "%tim", "in")
            for entry in shell_reply(self.kc, self.kc.complete(code, len(code)))["content"]["metadata"]["_jupyter_types_experimental"]
        }
        self.assertEqual(kinds["print"], "function")
        self.assertEqual(kinds["while"], "keyword")
        self.assertEqual(kinds["math"], "module")
        self.assertEqual(kinds["math.sqrt"], "attribute")
        self.assertEqual(kinds["learning_rate"], "instance")
        self.assertEqual(kinds["%timeit"], "magic")
        self.assertEqual(kinds["int"], "class")
        # The cursor in the middle of the code completes the word before it.
        content = shell_reply(self.kc, self.kc.complete("pri\nx = 1", 3))["content"]
        self.assertIn("print", content["matches"])
        self.assertEqual(content["cursor_end"], 3)

    def test_inspect(self):
        run(self.kc, 'def scaled(x, factor=2):\n    "Multiplies x by factor."\n    return x * factor')
        content = shell_reply(self.kc, self.kc.inspect("scaled", 6))["content"]
        self.assertEqual(content["status"], "ok")
        self.assertTrue(content["found"])
        text = content["data"]["text/plain"]
        self.assertIn("scaled(x, factor=2)", text)
        self.assertIn("Multiplies x by factor.", text)
        inside_call = shell_reply(self.kc, self.kc.inspect("scaled(", 7))["content"]
        self.assertTrue(inside_call["found"])
        missing = shell_reply(self.kc, self.kc.inspect("not_defined_anywhere", 5))["content"]
        self.assertEqual(missing["status"], "ok")
        self.assertFalse(missing["found"])
        calls = shell_reply(self.kc, self.kc.inspect("print('x')", 2))["content"]
        self.assertTrue(calls["found"], "inspects the name under the cursor, never running the call")

    def test_is_complete(self):
        cases = {
            "x = 1": ("complete", None),
            "for i in range(3):": ("incomplete", "    "),
            "if True:\n    if True:": ("incomplete", "        "),
            "x = (1,": ("incomplete", ""),
            "x = )": ("invalid", None),
            "%timeit 1": ("complete", None),
        }
        for code, (status, indent) in cases.items():
            with self.subTest(code=code):
                content = shell_reply(self.kc, self.kc.is_complete(code))["content"]
                self.assertEqual(content["status"], status)
                if indent is not None:
                    self.assertEqual(content["indent"], indent)

    def test_history(self):
        run(self.kc, "history_marker_a = 1")
        run(self.kc, "history_marker_b = 2")
        tail = shell_reply(self.kc, self.kc.history(hist_access_type="tail", n=2, output=False, raw=True))["content"]
        self.assertEqual(tail["status"], "ok")
        self.assertEqual([entry[2] for entry in tail["history"]], ["history_marker_a = 1", "history_marker_b = 2"])
        session, line = tail["history"][0][:2]
        ranged = shell_reply(
            self.kc, self.kc.history(hist_access_type="range", session=session, start=line, stop=line + 2, raw=True, output=False)
        )["content"]
        self.assertEqual([entry[1] for entry in ranged["history"]], [line, line + 1])
        found = shell_reply(self.kc, self.kc.history(hist_access_type="search", pattern="history_marker_?*", raw=True, output=False))[
            "content"
        ]
        self.assertEqual(sorted(entry[2] for entry in found["history"]), ["history_marker_a = 1", "history_marker_b = 2"])
        run(self.kc, "40 + 2")
        with_output = shell_reply(self.kc, self.kc.history(hist_access_type="tail", n=1, output=True, raw=True))["content"]
        self.assertEqual(with_output["history"][0][2], ["40 + 2", "42"])

    def test_comm_info(self):
        msg = self.kc.session.msg("comm_info_request", {})
        self.kc.shell_channel.send(msg)
        content = shell_reply(self.kc, msg["header"]["msg_id"])["content"]
        self.assertEqual(content, {"status": "ok", "comms": {}})

    def test_input_through_stdin(self):
        msg_id = self.kc.execute('name = input("who? ")\nprint("hi", name)', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["content"]["prompt"], "who? ")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.kc.input("Ada")
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        from harness import iopub_until_idle

        self.assertEqual(stream_text(iopub_until_idle(self.kc, msg_id)), "hi Ada\n")

    def test_input_without_stdin_is_an_error(self):
        reply, messages = run(self.kc, "input()", allow_stdin=False)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "EOFError")
        self.assertIn("allow_stdin", stream_text(messages, "stderr"))


class InterruptTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def interrupted(self, interrupt):
        msg_id = self.kc.execute("while True:\n    pass")
        time.sleep(0.5)
        interrupt()
        reply = shell_reply(self.kc, msg_id, timeout=15)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.assertTrue(self.km.is_alive())
        after, _ = run(self.kc, "2 + 2")
        self.assertEqual(after["content"]["status"], "ok")

    def test_sigint_from_kernel_manager(self):
        self.assertEqual(self.km.kernel_spec.interrupt_mode, "signal")
        self.interrupted(self.km.interrupt_kernel)

    def test_interrupt_request_on_control(self):
        def send():
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
            reply = self.kc.control_channel.get_msg(timeout=TIMEOUT)
            self.assertEqual(reply["msg_type"], "interrupt_reply")
            self.assertEqual(reply["content"]["status"], "ok")

        self.interrupted(send)

    def test_heartbeat_answers_during_a_long_cell(self):
        msg_id = self.kc.execute("while True:\n    pass")
        time.sleep(0.3)
        info = self.km.get_connection_info()
        context = zmq.Context()
        socket = context.socket(zmq.REQ)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"tcp://{info['ip']}:{info['hb_port']}")
        try:
            socket.send(b"ping-123")
            self.assertEqual(socket.poll(3000), zmq.POLLIN, "no heartbeat while a cell runs")
            self.assertEqual(socket.recv(), b"ping-123")
        finally:
            socket.close()
            context.term()
        self.km.interrupt_kernel()
        self.assertEqual(shell_reply(self.kc, msg_id, timeout=15)["content"]["ename"], "KeyboardInterrupt")

    def test_interrupt_stops_a_running_search_and_keeps_its_trials(self):
        setup, _ = run(self.kc, """import optuna
optuna.logging.set_verbosity(optuna.logging.WARNING)
def objective(trial):
    x = trial.suggest_float("x", -1, 1)
    total = 0
    for i in range(200000):
        total += i
    return x * x
study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))""")
        self.assertEqual(setup["content"]["status"], "ok")
        msg_id = self.kc.execute("study.optimize(objective, n_trials=100000)")
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, timeout=30)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.assertTrue(self.kc.is_alive())
        counts, messages = run(self.kc, "[len(study.trials), len(study.get_trials(states=(optuna.trial.TrialState.COMPLETE,)))]")
        self.assertEqual(counts["content"]["status"], "ok")
        result = [m for m in messages if m["msg_type"] == "execute_result"][0]
        total, complete = json.loads(result["content"]["data"]["text/plain"])
        self.assertGreaterEqual(complete, 1, "trials finished before the interrupt were lost")
        self.assertLess(total, 100000, "the search was not stopped")
        # The interrupt usually lands inside a trial (that one fails); when it lands between two
        # trials, none is running and none fails. Never more than one.
        self.assertIn(total - complete, (0, 1), "only the running trial may fail")
        failed = run(self.kc, "len(study.get_trials(states=(optuna.trial.TrialState.FAIL,)))")[1]
        failed = int([m for m in failed if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"])
        self.assertEqual(failed, total - complete, "the trial that did not complete is marked FAIL")

    def test_interrupt_while_waiting_for_input(self):
        msg_id = self.kc.execute("input('> ')\nprint('after')", allow_stdin=True)
        self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, timeout=15)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        after, _ = run(self.kc, "3")
        self.assertEqual(after["content"]["status"], "ok")


def sign(key, parts):
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode()


class SignatureTests(unittest.TestCase):
    """Messages whose HMAC does not verify are dropped (and logged), never executed."""

    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.NamedTemporaryFile(suffix=".log", delete=False).name
        cls.km, cls.kc = start_kernel(stderr_path=cls.log)

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)
        os.unlink(cls.log)

    def raw_request(self, code, key):
        info = self.km.get_connection_info()
        header = {
            "msg_id": uuid.uuid4().hex, "session": uuid.uuid4().hex, "username": "mallory",
            "date": "2026-01-01T00:00:00.000000Z", "msg_type": "execute_request", "version": "5.3",
        }
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False}
        parts = [json.dumps(p).encode() for p in (header, {}, {}, content)]
        return info, [b"<IDS|MSG>", sign(key, parts)] + parts

    def test_bad_signature_is_ignored(self):
        info, frames = self.raw_request("pwned = 1", b"not-the-key")
        context = zmq.Context()
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"tcp://{info['ip']}:{info['shell_port']}")
        try:
            socket.send_multipart(frames)
            frames[1] = b""  # no signature at all is just as bad
            socket.send_multipart(frames)
            self.assertEqual(socket.poll(1500), 0, "the kernel answered a forged message")
        finally:
            socket.close()
            context.term()
        reply, _ = run(self.kc, "'pwned' in globals()")
        self.assertEqual(reply["content"]["status"], "ok", "the kernel still answers signed messages")
        _, messages = run(self.kc, "'pwned' in dir()")
        result = [m for m in messages if m["msg_type"] == "execute_result"][0]
        self.assertEqual(result["content"]["data"]["text/plain"], "False")
        with open(self.log) as log:
            self.assertIn("signature does not verify", log.read())

    def test_replayed_message_is_ignored(self):
        key = self.km.session.key
        info, frames = self.raw_request("replay_count = globals().get('replay_count', 0) + 1", key)
        context = zmq.Context()
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"tcp://{info['ip']}:{info['shell_port']}")
        try:
            socket.send_multipart(frames)
            self.assertEqual(socket.poll(TIMEOUT * 1000), zmq.POLLIN)
            socket.recv_multipart()
            socket.send_multipart(frames)  # the same signed bytes again
            self.assertEqual(socket.poll(1500), 0, "the kernel answered a replayed message")
        finally:
            socket.close()
            context.term()
        _, messages = run(self.kc, "replay_count")
        result = [m for m in messages if m["msg_type"] == "execute_result"][0]
        self.assertEqual(result["content"]["data"]["text/plain"], "1")
        with open(self.log) as log:
            self.assertIn("replayed message", log.read())

    def test_good_raw_signature_is_accepted(self):
        key = self.km.session.key
        info, frames = self.raw_request("signed_ok = 7", key)
        context = zmq.Context()
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"tcp://{info['ip']}:{info['shell_port']}")
        try:
            socket.send_multipart(frames)
            self.assertEqual(socket.poll(TIMEOUT * 1000), zmq.POLLIN)
            reply = socket.recv_multipart()
            delimiter = reply.index(b"<IDS|MSG>")
            signature, parts = reply[delimiter + 1], reply[delimiter + 2 : delimiter + 6]
            self.assertEqual(signature, sign(key, parts), "replies are signed with the connection key")
            self.assertEqual(json.loads(parts[3])["status"], "ok")
        finally:
            socket.close()
            context.term()


class LifecycleTests(unittest.TestCase):
    def test_shutdown_request_exits_cleanly(self):
        km, kc = start_kernel()
        try:
            msg_id = kc.shutdown()
            reply = kc.control_channel.get_msg(timeout=TIMEOUT)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["content"], {"status": "ok", "restart": False})
            process = km.provisioner.process
            started = time.monotonic()
            self.assertEqual(process.wait(timeout=5), 0)
            self.assertLess(time.monotonic() - started, 3)
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)

    def test_shutdown_during_a_long_cell(self):
        km, kc = start_kernel()
        try:
            kc.execute("while True:\n    pass")
            time.sleep(0.5)
            kc.shutdown()
            reply = kc.control_channel.get_msg(timeout=TIMEOUT)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(km.provisioner.process.wait(timeout=8), 0)
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)

    def test_kernel_exits_when_its_client_dies(self):
        starter = (
            "import sys, time\n"
            "sys.path.insert(0, '.')\n"
            "from harness import start_kernel\n"
            "km, kc = start_kernel()\n"
            "print(km.provisioner.process.pid, flush=True)\n"
            "time.sleep(60)\n"
        )
        client = subprocess.Popen([sys.executable, "-c", starter], stdout=subprocess.PIPE, text=True)
        try:
            kernel_pid = int(client.stdout.readline())
        finally:
            client.kill()
            client.wait(timeout=10)
            client.stdout.close()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                with open(f"/proc/{kernel_pid}/stat") as stat:
                    if stat.read().split(")")[-1].split()[0] == "Z":
                        return  # exited; only waiting to be reaped
            except FileNotFoundError:
                return
            time.sleep(0.1)
        os.kill(kernel_pid, signal.SIGKILL)
        self.fail("the kernel outlived its client by more than 5 s")

    def test_restart_gives_a_fresh_kernel(self):
        km, kc = start_kernel()
        try:
            run(kc, "remembered = 1")
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=60)
            reply, _ = run(kc, "remembered")
            self.assertEqual(reply["content"]["ename"], "NameError")
            self.assertEqual(reply["content"]["execution_count"], 1)
        finally:
            stop_kernel(km, kc)


if __name__ == "__main__":
    unittest.main(verbosity=2)
