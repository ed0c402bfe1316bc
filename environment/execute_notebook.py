"""Execute one notebook headless with nbclient and this project's kernel; write the executed copy and HTML.

Used by bin/run-notebooks.ts (`npm test`, `npm start`), which puts the clone's kernel folder on
JUPYTER_PATH. Outputs are written to temporary names and renamed into place, so a failed run never
replaces a good report with a half-written one. The executed copy of a failing notebook is still
written (as <name>.failed.ipynb) to help debugging; the cell that failed, timed out or was running when
the kernel died is named, with its output.

SIGINT and SIGTERM stop the run: the kernel is shut down, nothing is written, and the exit status is
130 or 143 (128 + the signal's number), without a traceback.

usage: execute_notebook.py NOTEBOOK OUT_IPYNB OUT_HTML [--timeout SECONDS] [--kernel NAME]
Exit status: 0 on success, 1 when a cell fails (the cell's source and error are printed), 2 on bad use,
130 / 143 when interrupted.
"""
import argparse
import asyncio
import atexit
import os
import signal
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


class Interrupted(Exception):
    """The run was stopped by a signal (its number in `signum`)."""

    def __init__(self, signum):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def raise_interrupted(signum, _frame):
    raise Interrupted(signum)


def quiet_signals():
    """SIGINT and SIGTERM raise Interrupted (outside the execution loop: reading, writing)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, raise_interrupted)


def write_atomic(path, text):
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def to_html(nb):
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def failing_cell(nb, running_index):
    """The first code cell whose outputs contain an error, else the cell that was running when the run
    stopped (a timeout or a dead kernel: that cell never got its execution count)."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return index, cell
    if running_index is not None:
        return running_index, nb.cells[running_index]
    return None


def execute_interruptibly(client):
    """Runs client.async_execute() on a loop of our own. SIGINT and SIGTERM cancel the run, and
    nbclient's clean-up (on the way out of its kernel context) shuts the kernel down; raises Interrupted.
    nbclient installs handlers of its own for these signals that only start a kernel shutdown and let
    the cell run on into a DeadKernelError and a report; they are kept out."""
    loop = asyncio.new_event_loop()
    task = loop.create_task(client.async_execute())
    received = []

    def stop(signum):
        if not received:
            received.append(signum)
            task.cancel()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop, signum)
    loop.add_signal_handler = lambda *args, **kwargs: None
    loop.remove_signal_handler = lambda *args: False
    try:
        loop.run_until_complete(task)
    except BaseException:
        # nbclient turns the cancellation of a running cell into DeadKernelError: after a signal,
        # whatever the run raised is the interruption
        if received:
            raise Interrupted(received[0]) from None
        raise
    finally:
        if received and client.km is not None:
            # cancelled before nbclient's kernel context was entered: shut the kernel down ourselves
            loop.run_until_complete(client._async_cleanup_kernel())
            atexit.unregister(client._cleanup_kernel)
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for leftover in pending:  # nbclient's output poller, left behind by a timeout or a dead kernel
            leftover.cancel()
        if pending:
            loop.run_until_complete(asyncio.wait(pending))
        del loop.add_signal_handler, loop.remove_signal_handler
        loop.close()
        quiet_signals()


def cell_output_text(cell):
    """A code cell's stream and error outputs as plain text (tslab reports errors on stderr)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename')}: {out.get('evalue')}\n" + "\n".join(out.get("traceback", [])))
    return "".join(parts)


def positive_seconds(text):
    """argparse type of --timeout: a positive whole number of seconds (nbclient takes an int)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number of seconds, got {text!r}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("out_ipynb")
    parser.add_argument("out_html")
    parser.add_argument("--timeout", type=positive_seconds, default=900, help="nbclient's limit for one cell, in seconds")
    parser.add_argument("--kernel", default="physics-ml-notebooks")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    workdir = os.path.dirname(os.path.abspath(args.notebook))
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        startup_timeout=180,
        kernel_name=args.kernel,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": workdir}},
    )
    running = {"index": None}
    client.on_cell_execute = lambda cell, cell_index: running.update(index=cell_index)
    started = time.time()
    error = None
    try:
        execute_interruptibly(client)
    except Interrupted as exc:
        return 128 + exc.signum
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = exc
    nb.metadata["execution_seconds"] = round(time.time() - started, 2)

    base, _ = os.path.splitext(args.out_ipynb)
    if error is None:
        ipynb, html = nbformat.writes(nb), to_html(nb)
        # both files or neither: a signal waits until both are in place
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        write_atomic(args.out_ipynb, ipynb)
        write_atomic(args.out_html, html)
        if os.path.exists(base + ".failed.ipynb"):
            os.remove(base + ".failed.ipynb")
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        return 0

    write_atomic(base + ".failed.ipynb", nbformat.writes(nb))
    found = failing_cell(nb, running["index"])
    print(f"\n=== {args.notebook} FAILED ({type(error).__name__}) ===", file=sys.stderr)
    if found:
        index, cell = found
        print(f"--- cell {index} source ---\n{cell.source}\n--- its output ---", file=sys.stderr)
        print(cell_output_text(cell)[-6000:], file=sys.stderr)
    print(f"--- nbclient ---\n{str(error)[-1500:]}", file=sys.stderr)
    print(f"(executed copy with outputs: {base}.failed.ipynb)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    quiet_signals()
    try:
        sys.exit(main())
    except Interrupted as exc:
        sys.exit(128 + exc.signum)
