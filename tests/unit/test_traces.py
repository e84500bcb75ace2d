"""The trace reader behind `make audit-side`'s start-up task line (studykit/tools/traces.py)."""

from studykit.tools.traces import StartupTask, dom_content_loaded_task

MAIN, OTHER = (1, 10), (2, 20)


def thread(pid_tid, name):
    return {"name": "thread_name", "ph": "M", "pid": pid_tid[0], "tid": pid_tid[1], "args": {"name": name}}


def event(pid_tid, name, ts, dur, **data):
    return {"name": name, "ph": "X", "pid": pid_tid[0], "tid": pid_tid[1], "ts": ts, "dur": dur,
            "args": {"data": data} if data else {}}


def page_trace(layout_in_task: bool) -> dict:
    events = [
        thread(MAIN, "CrRendererMain"), thread(OTHER, "CrRendererMain"),
        event(MAIN, "RunTask", 1_000, 40_000),
        event(MAIN, "Layout", 5_000, 2_000),  # in an earlier task
        event(MAIN, "RunTask", 50_000, 46_000),
        event(MAIN, "EventDispatch", 51_000, 44_000, type="DOMContentLoaded"),
        event(MAIN, "RunTask", 100_000, 10_000),
        event(MAIN, "Layout", 101_000, 1_000),  # in a later task
        # A quieter renderer (an iframe's, say) whose tasks must not be taken for the page's.
        event(OTHER, "RunTask", 50_000, 90_000),
        event(OTHER, "Layout", 60_000, 1_000),
    ]
    if layout_in_task:
        events.append(event(MAIN, "Layout", 80_000, 500))
    return {"traceEvents": events}


def test_the_task_that_dispatched_dom_content_loaded_and_whether_it_laid_out():
    assert dom_content_loaded_task(page_trace(False)) == StartupTask(ms=46.0, has_layout=False)
    assert dom_content_loaded_task(page_trace(True)) == StartupTask(ms=46.0, has_layout=True)


def test_a_trace_without_the_event_gives_none():
    assert dom_content_loaded_task({"traceEvents": [thread(MAIN, "CrRendererMain")]}) is None
    assert dom_content_loaded_task([]) is None
