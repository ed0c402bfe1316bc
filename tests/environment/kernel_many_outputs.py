"""Starts this clone's kernel (KERNEL_NAME, found on JUPYTER_PATH) and runs a cell that displays N outputs in one synchronous loop
(more than zeromq.js sends synchronously, 512, which made tslab throw "Socket is busy writing"; and
more than libzmq's default high-water mark, 1 000, at which a publisher drops messages and the client
then waits forever for the lost "idle"), then a second cell. Prints one JSON line: the displays seen,
the errors, the second cell's result; progress lines go to stderr.
usage: kernel_many_outputs.py PROJECT_ROOT N"""
import json, os, sys, time

T0 = time.time()


def log(what):
    print(f"[{time.time() - T0:6.2f} s] {what}", file=sys.stderr, flush=True)


from jupyter_client.manager import KernelManager

root, n = sys.argv[1], int(sys.argv[2])
km = KernelManager(kernel_name=os.environ["KERNEL_NAME"])
km.start_kernel(cwd=os.path.join(root, "notebooks"))
try:
    kc = km.client()
    kc.start_channels()
    log("kernel started")
    kc.wait_for_ready(timeout=180)
    log("kernel ready")
    seen = {"displays": 0, "errors": [], "second": ""}

    def hook(msg):
        kind, content = msg["msg_type"], msg["content"]
        if kind == "display_data":
            seen["displays"] += 1
        elif kind == "error" or (kind == "stream" and content.get("name") == "stderr"):
            seen["errors"].append(json.dumps(content)[:300])

    code = f"import * as tslab from 'tslab';\nfor (let i = 0; i < {n}; i++) tslab.display.text(`line ${{i}}`);"
    try:
        kc.execute_interactive(code, output_hook=hook, timeout=60)
    except Exception as e:
        log(f"first cell: {type(e).__name__} after {seen['displays']} displays")
        raise
    log(f"first cell done: {seen['displays']} displays")

    def second(msg):
        if msg["msg_type"] == "stream" and msg["content"].get("name") == "stdout":
            seen["second"] += msg["content"]["text"].strip()

    kc.execute_interactive("6 * 7", output_hook=second, timeout=60)
    log("second cell done")
    print(json.dumps(seen), flush=True)
    kc.stop_channels()
finally:
    km.shutdown_kernel(now=True)
