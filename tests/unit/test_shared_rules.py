"""The rules that the build and the site's scripts both apply are defined in Python and shipped as data;
these tests run the scripts under Node on the build's own data and fail when the two sides disagree."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest
from test_practice import js, live

from studykit import practice, site

ROOT = Path(__file__).resolve().parents[2]
RELAY = ROOT / "docs" / "assets" / "js" / "search" / "relay.js"


def model() -> site.SiteModel:
    return site.load(site.Settings.from_file(ROOT / "mkdocs.yml"))


def test_a_task_drill_address_is_the_one_the_quiz_writes() -> None:
    m = model()
    wanted = {f"{code} {task}": practice.quiz_query(code, task) for code in m.mapped_exams for task in m.exams[code].tasks}
    states = {key: {"exam": key.split()[0], "domain": key.split()[1].split(".")[0], "task": key.split()[1],
                    "topic": "", "mode": "all", "order": "listed", "seed": 0, "n": 0, "ids": None} for key in wanted}
    written = js(f"Object.fromEntries(Object.entries({json.dumps(states)}).map(([k, s]) => [k, C.quizQuery(s)]))")
    assert written == wanted


def test_the_quiz_picks_and_orders_each_domain_and_task_as_the_build_does() -> None:
    """A question belongs to a domain as question_domains() says, and lists in quiz_order()."""
    m = model()
    _, _, questions = live()
    bank = m.practice_assets["bank.json"]
    wanted, states = {}, {}
    for code in bank["exams"]:
        exam = m.exams[code]
        ordered = practice.quiz_order([q for q in questions if q.tasks.get(code)], code)
        for d in exam.domains:
            wanted[f"{code} domain {d.number}"] = [q.id for q in ordered if d.number in practice.question_domains(q, exam)]
            states[f"{code} domain {d.number}"] = {"exam": code, "domain": d.number}
        for task in exam.tasks:
            wanted[f"{code} task {task}"] = [q.id for q in ordered if task in q.tasks.get(code, ())]
            states[f"{code} task {task}"] = {"exam": code, "task": task}
    picked = js(f"""(() => {{
      const bank = {json.dumps(bank)}, none = {{answers: {{}}, flags: {{}}}};
      const base = {{domain: "", task: "", topic: "", mode: "all", order: "listed", seed: 0, n: 0, ids: null}};
      return Object.fromEntries(Object.entries({json.dumps(states)}).map(([k, s]) =>
        [k, C.selectQuestions(bank, Object.assign({{}}, base, s), none).map(q => q.id)]));
    }})()""")
    assert {k: v for k, v in picked.items() if v != wanted[k]} == {}
    assert all(wanted.values()), "every domain and task of each practice exam has questions"


def test_material_search_worker_answers_as_the_relay_expects() -> None:
    """search/relay.js talks to Material's worker with its private message numbers. Run that worker alone
    under Node with the numbers from relay.js: set up, then a query must come back as a RESULT whose groups
    hold documents with a location and a score (what search/ranking.js reads)."""
    node = shutil.which("node")
    if not node:
        pytest.skip("Node.js is not installed")
    numbers = dict(re.findall(r"var (SETUP|QUERY|RESULT) = (\d+);", RELAY.read_text(encoding="utf-8")))
    assert set(numbers) == {"SETUP", "QUERY", "RESULT"}, "relay.js names Material's message types SETUP, QUERY, RESULT"
    worker = next((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    docs = [{"location": "streaming/", "title": "Streaming", "text": "Kinesis shards carry records."},
            {"location": "streaming/#shards", "title": "Shards", "text": "A Kinesis shard takes 1 MB a second."}]
    program = f"""
      const vm = require("vm"), fs = require("fs");
      const replies = [], listeners = [];
      const ctx = {{console, URL, Promise, setTimeout, clearTimeout, location: {{href: "http://site.test/"}},
        addEventListener: (type, fn) => listeners.push(fn), postMessage: (m) => replies.push(m)}};
      ctx.self = ctx; ctx.globalThis = ctx;
      vm.createContext(ctx);
      vm.runInContext(fs.readFileSync({json.dumps(str(worker))}, "utf-8"), ctx);
      const send = (data) => listeners.forEach((fn) => fn({{data}}));
      (async () => {{
        send({{type: {numbers['SETUP']}, data: {{config: {{lang: ["en"], separator: "[\\\\s\\\\-]+", pipeline: [],
              fields: {{title: {{boost: 1000}}, text: {{boost: 1}}, tags: {{boost: 1000000}}}}}},
              docs: {json.dumps(docs)}, options: {{suggest: false}}}}}});
        await new Promise((r) => setTimeout(r, 50));
        send({{type: {numbers['QUERY']}, data: "kinesis"}});
        await new Promise((r) => setTimeout(r, 50));
        process.stdout.write(JSON.stringify(replies));
      }})();
    """
    done = subprocess.run([node, "-"], input=program, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-800:]
    replies = json.loads(done.stdout)
    results = [r for r in replies if r.get("type") == int(numbers["RESULT"])]
    assert results, (f"Material's worker no longer answers a query (type {numbers['QUERY']}) with type "
                     f"{numbers['RESULT']}: it sent {[r.get('type') for r in replies]}. Update the numbers in "
                     "docs/assets/js/search/relay.js from Material's src/templates/assets/javascripts/integrations/search/worker/message.")
    groups = results[-1]["data"]["items"]
    assert groups and all("location" in doc and "score" in doc for group in groups for doc in group), (
        "Material's search result no longer holds groups of documents with location and score, which "
        "docs/assets/js/search/ranking.js reorders")
