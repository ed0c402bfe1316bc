"""Starts the registered tslab kernel in notebooks/ (as Jupyter does), imports a module from lib/,
edits it, restarts the kernel and imports it again. Prints one JSON line: the two results.
usage: kernel_restart.py PROJECT_ROOT MODULE_NAME"""
import json, os, sys
from jupyter_client.manager import KernelManager

root, module = sys.argv[1], sys.argv[2]
source = os.path.join(root, "lib", module + ".ts")


def run(kc, code):
    msg_id = kc.execute(code)
    results = []
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "execute_result":  # tslab prints a cell's value to stdout instead
            results.append(content["data"].get("text/plain", "").strip())
        elif kind == "stream" and content.get("name") == "stdout":
            results.append(content["text"].strip())
        elif kind == "error" or kind == "stream":
            results.append("ERROR " + json.dumps(content)[:500])
        elif kind == "status" and content["execution_state"] == "idle":
            return " ".join(results)


km = KernelManager(kernel_name="tslab")
km.start_kernel(cwd=os.path.join(root, "notebooks"))
try:
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    code = f"import {{ probeValue }} from './lib/{module}';\nprobeValue()"
    with open(source, "w") as f:
        f.write("export function probeValue(): number { return 1; }\n")
    first = run(kc, code)
    with open(source, "w") as f:
        f.write("export function probeValue(): number { return 2; }\n")
    km.restart_kernel()
    kc.wait_for_ready(timeout=120)
    second = run(kc, code)
    print(json.dumps({"first": first, "second": second}), flush=True)
    kc.stop_channels()
finally:
    km.shutdown_kernel(now=True)
