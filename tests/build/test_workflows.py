"""The GitHub workflows are schema-valid and zizmor-clean (both run offline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_workflows_match_the_github_schema() -> None:
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_are_zizmor_clean() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--persona=pedantic", "--no-progress", ".github")
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_deploy_job_can_write_pages() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        perms = job.get("permissions", {})
        if name == "deploy":
            assert perms == {"pages": "write", "id-token": "write"}
        else:
            assert "write" not in perms.values(), f"job {name} should not have write permissions"


def test_the_site_is_rebuilt_daily_and_pull_requests_get_an_audit() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    on = workflow.get("on") or workflow.get(True)  # PyYAML reads the bare key `on` as True
    assert on["schedule"], "a daily build keeps date-derived tense current"
    audit = workflow["jobs"]["audit"]
    assert audit["if"] == "github.event_name == 'pull_request'" and audit["continue-on-error"] is True
    assert any("make audit" in step.get("run", "") for step in audit["steps"])
