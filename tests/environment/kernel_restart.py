"""Starts this clone's kernel (KERNEL_NAME, found on JUPYTER_PATH) in notebooks/ (as Jupyter does), imports a module from lib/,
edits it, restarts the kernel and imports it again. Prints one JSON line: the two results.
usage: kernel_restart.py PROJECT_ROOT MODULE_NAME"""
import json, os, sys
from jupyter_client.manager import KernelManager

root, module = sys.argv[1], sys.argv[2]
source = os.path.join(root, "lib", module + ".ts")


def run(kc, code):
    """Executes `code` and returns what it printed (tslab prints a cell's value to stdout)."""
    results = []

    def hook(msg):
        kind, content = msg["msg_type"], msg["content"]
        if kind == "execute_result":
            results.append(content["data"].get("text/plain", "").strip())
        elif kind == "stream" and content.get("name") == "stdout":
            results.append(content["text"].strip())
        elif kind == "error" or kind == "stream":
            results.append("ERROR " + json.dumps(content)[:500])

    kc.execute_interactive(code, output_hook=hook, timeout=180)
    return " ".join(results)


def ready_client(km):
    """A new client whose channels are connected to the running kernel."""
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=180)
    return kc


km = KernelManager(kernel_name=os.environ["KERNEL_NAME"])
km.start_kernel(cwd=os.path.join(root, "notebooks"))
try:
    kc = ready_client(km)
    code = f"import {{ probeValue }} from './lib/{module}';\nprobeValue()"
    with open(source, "w") as f:
        f.write("export function probeValue(): number { return 1; }\n")
    first = run(kc, code)
    with open(source, "w") as f:
        f.write("export function probeValue(): number { return 2; }\n")
    kc.stop_channels()
    km.restart_kernel()
    kc = ready_client(km)  # a new client: the old one's subscription can miss the new kernel's first messages
    second = run(kc, code)
    print(json.dumps({"first": first, "second": second}), flush=True)
    kc.stop_channels()
finally:
    km.shutdown_kernel(now=True)
