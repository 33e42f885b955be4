"""Shared helpers for the hps kernel tests: run a cell and collect everything it published.

Every wait has a timeout, so a broken kernel fails a test instead of hanging it.
"""
import os
import queue
import time

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("HPS_KERNEL_NAME", "hps")
TIMEOUT = 20


def start_kernel(stderr_path=None):
    """(KernelManager, BlockingKernelClient) for the installed hps kernelspec."""
    kwargs = {}
    if stderr_path:
        kwargs["stderr"] = open(stderr_path, "w")
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60, **kwargs)


def stop_kernel(km, kc):
    kc.stop_channels()
    try:
        km.shutdown_kernel(now=False)
    finally:
        if km.has_kernel and km.is_alive():
            km.shutdown_kernel(now=True)


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to msg_id (skipping replies to other requests)."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no shell reply to {msg_id} within {timeout}s")
        msg = kc.get_shell_msg(timeout=remaining)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_until_idle(kc, msg_id, timeout=TIMEOUT):
    """Every iopub message whose parent is msg_id, from busy to idle inclusive, each stamped with
    its arrival time under the key "received"."""
    deadline = time.monotonic() + timeout
    messages = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no idle for {msg_id} within {timeout}s; got {[m['msg_type'] for m in messages]}")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msg["received"] = time.monotonic()
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def run(kc, code, timeout=TIMEOUT, **options):
    """Executes code; returns (execute_reply, iopub messages between busy and idle)."""
    msg_id = kc.execute(code, **options)
    # iopub first, so arrival times show when the kernel published (the reply waits in its queue).
    messages = iopub_until_idle(kc, msg_id, timeout)
    reply = shell_reply(kc, msg_id, timeout)
    return reply, messages


def outputs(messages):
    """The output messages only (no status, no execute_input)."""
    return [m for m in messages if m["msg_type"] not in ("status", "execute_input")]


def stream_text(messages, name="stdout"):
    return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream" and m["content"]["name"] == name)
