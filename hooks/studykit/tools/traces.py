"""What a Chrome trace says about the task that handles DOMContentLoaded, where Material mounts its components.

Lighthouse's simulated throttling (lantern) stretches each main-thread task by the CPU slowdown (4 on
mobile), but by half that when the task holds any layout. So the same 45 ms of Material start-up counts
as 180 ms or 90 ms depending on whether a 0.5 ms layout happened to fall inside it. `make audit-side`
prints this per variant, so that a difference in total blocking time can be told from that coin flip.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class StartupTask:
    ms: float
    has_layout: bool


def _main_thread(events: list[dict]) -> tuple | None:
    """The page's renderer main thread: of the threads named CrRendererMain, the busiest."""
    mains = {(e.get("pid"), e.get("tid")) for e in events
             if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"}
    busy = Counter((e.get("pid"), e.get("tid")) for e in events if (e.get("pid"), e.get("tid")) in mains)
    return busy.most_common(1)[0][0] if busy else None


def dom_content_loaded_task(trace: dict | list) -> StartupTask | None:
    """The top-level task that dispatched DOMContentLoaded: its length and whether it laid out; None if
    the trace has no such task."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    thread = _main_thread(events)
    if thread is None:
        return None
    complete = [e for e in events if (e.get("pid"), e.get("tid")) == thread and e.get("ph") == "X"]
    loaded = next((e for e in complete if e.get("name") == "EventDispatch"
                   and (e.get("args", {}).get("data") or {}).get("type") == "DOMContentLoaded"), None)
    if loaded is None:
        return None
    task = next((t for t in complete if t.get("name") == "RunTask"
                 and t["ts"] <= loaded["ts"] < t["ts"] + t.get("dur", 0)), None)
    if task is None:
        return None
    inside = [e for e in complete if task["ts"] <= e["ts"] < task["ts"] + task["dur"]]
    return StartupTask(ms=task["dur"] / 1000, has_layout=any(e.get("name") == "Layout" for e in inside))
