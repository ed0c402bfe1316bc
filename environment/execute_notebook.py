"""Execute one notebook headless with nbclient and the tslab kernel; write the executed copy and HTML.

Used by bin/run-notebooks.ts (`npm test`, `npm start`). Outputs are written to temporary names and
renamed into place, so a failed run never replaces a good report with a half-written one. The executed
copy of a failing notebook is still written (as <name>.failed.ipynb) to help debugging.

usage: execute_notebook.py NOTEBOOK OUT_IPYNB OUT_HTML [--timeout SECONDS] [--kernel tslab]
Exit status: 0 on success, 1 when a cell fails (the cell's source and error are printed), 2 on bad use.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def write_atomic(path, text):
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def to_html(nb):
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def failing_cell(nb):
    """The first code cell whose outputs contain an error, or the last executed one."""
    last = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("execution_count") is not None:
            last = (index, cell)
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return index, cell
    return last


def cell_output_text(cell):
    """A code cell's stream and error outputs as plain text (tslab reports errors on stderr)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename')}: {out.get('evalue')}\n" + "\n".join(out.get("traceback", [])))
    return "".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("out_ipynb")
    parser.add_argument("out_html")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    parser.add_argument("--kernel", default="tslab")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    workdir = os.path.dirname(os.path.abspath(args.notebook))
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        startup_timeout=180,
        kernel_name=args.kernel,
        resources={"metadata": {"path": workdir}},
    )
    started = time.time()
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = exc
    nb.metadata["execution_seconds"] = round(time.time() - started, 2)

    base, _ = os.path.splitext(args.out_ipynb)
    if error is None:
        write_atomic(args.out_ipynb, nbformat.writes(nb))
        write_atomic(args.out_html, to_html(nb))
        if os.path.exists(base + ".failed.ipynb"):
            os.remove(base + ".failed.ipynb")
        return 0

    write_atomic(base + ".failed.ipynb", nbformat.writes(nb))
    found = failing_cell(nb)
    print(f"\n=== {args.notebook} FAILED ({type(error).__name__}) ===", file=sys.stderr)
    if found:
        index, cell = found
        print(f"--- cell {index} source ---\n{cell.source}\n--- its output ---", file=sys.stderr)
        print(cell_output_text(cell)[-6000:], file=sys.stderr)
    print(f"--- nbclient ---\n{str(error)[-1500:]}", file=sys.stderr)
    print(f"(executed copy with outputs: {base}.failed.ipynb)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
