"""The run manifest: every input with its SHA-256, kind, status, issue counts and time, the
opsbook version, the command and the settings used, and the outputs. JSON, written
atomically; the schema is ``manifest.schema.json`` beside this module (docs/batch.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable, Sequence

from opsbook.batch.pool import digest
from opsbook.batch.sources import real
from opsbook.io.atomic import replace_atomically

#: The manifest format's version; a change that breaks readers increments it.
FORMAT = 1
SCHEMA = Path(__file__).with_name("manifest.schema.json")
#: The statuses an input can have.
STATUSES = ("valid", "invalid", "unreadable", "skipped", "unchanged", "not-run", "done",
            "failed")
#: What differs between two runs of the same inputs with the same settings.
TIMINGS = ("run",)


def beside(output: str | os.PathLike[str]) -> Path:
    """The default manifest of an output: ``results.xlsx`` → ``results.manifest.json``."""
    out = Path(output)
    return out.with_name(f"{out.stem}.manifest.json")


def counts(report: Any) -> dict[str, int]:
    """Issue counts of a Report (errors, warnings, infos)."""
    issues = getattr(report, "issues", [])
    return {"errors": sum(i.severity == "error" for i in issues),
            "warnings": sum(i.severity == "warning" for i in issues),
            "infos": sum(i.severity == "info" for i in issues)}


def status_of(report: Any) -> str:
    """valid, invalid or unreadable, from a Report."""
    if not report.readable:
        return "unreadable"
    return "valid" if report.valid else "invalid"


def summary(inputs: list[dict[str, Any]]) -> dict[str, int]:
    """How many inputs have each status, and in all."""
    out = {"inputs": len(inputs)}
    out.update({s: sum(i["status"] == s for i in inputs) for s in STATUSES})
    return out


def write(path: str | os.PathLike[str], manifest: dict[str, Any]) -> Path:
    """Write ``manifest`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    # the writer of the outputs: a new file gets the umask's mode (readable by the team, as
    # the outputs are), a replaced one keeps its own
    replace_atomically(path, lambda temp: temp.write_text(text, encoding="utf-8"))
    return path


#: Manifests of runs whose output is not written yet, by output path (see :func:`hold`).
_HELD: dict[str, tuple[Path, dict[str, Any], Callable[[dict[str, Any]], None] | None]] = {}


def _key(output: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(output)))


def hold(output: str | os.PathLike[str], path: str | os.PathLike[str],
         manifest: dict[str, Any], reports: Sequence[Any] = ()) -> None:
    """Keep ``manifest`` (to be written to ``path``) until ``output`` is written: a run that
    writes no output (refused, interrupted, failed) leaves no manifest that says it did.
    Only the last run's manifest is held: a run that starts lets go of those before it
    (:func:`release`).

    ``reports`` are the run's Reports (the whole run's, each file's): what the command
    adds to them before writing — the findings only the inputs combined show (an employee
    ID given to two people, a project in two trackers, a conflict between plans) — is
    counted, when the manifest is written, in the entry of the input it is located in, and
    such an input with an error is ``invalid``, as the run's report and exit code say."""
    _HELD[_key(output)] = (Path(path), manifest, _tally(manifest, reports) if reports else None)


def _tally(manifest: dict[str, Any], reports: Sequence[Any]
           ) -> Callable[[dict[str, Any]], None]:
    """What :func:`hold` counts later: the issues ``reports`` hold now are those the entries
    count already; each entry's counts and status as they are now."""
    counted = {id(i) for report in reports for i in getattr(report, "issues", [])}
    before = [{k: entry.get(k) for k in ("errors", "warnings", "infos", "status")}
              for entry in manifest["inputs"]]

    def recount(held: dict[str, Any]) -> None:
        added: dict[str, dict[str, int]] = {}
        seen = set(counted)
        for report in reports:
            for issue in getattr(report, "issues", []):
                if id(issue) not in seen and issue.file is not None:
                    seen.add(id(issue))
                    one = added.setdefault(issue.file, {})
                    one[f"{issue.severity}s"] = one.get(f"{issue.severity}s", 0) + 1
        for entry, was in zip(held["inputs"], before):
            more = added.pop(entry["path"], None) if entry.get("sha256") else None
            if more is None:
                continue
            entry.update(was)  # from the run's own counts: a command's amends are recounted
            for severity, count in more.items():
                entry[severity] = entry.get(severity, 0) + count
            if entry["status"] == "valid" and entry.get("errors"):
                entry["status"] = "invalid"

    return recount


def release() -> None:
    """Let go of every held manifest whose output was not written: a new run begins."""
    _HELD.clear()


def settle(output: str | os.PathLike[str]) -> Path | None:
    """Write the manifest held for ``output``, now that it is written, with the findings
    added to the run's reports since it was held (see :func:`hold`); its path, or None when
    none was held."""
    held = _HELD.pop(_key(output), None)
    if held is None:
        return None
    path, manifest, recount = held
    if recount is not None:
        recount(manifest)
    manifest["summary"] = summary(manifest["inputs"])
    # each output's bytes as written: an output edited or replaced since is not up to date
    # (in the run block: a workbook's bytes hold the time it was written)
    manifest["run"]["output_sha256"] = {o: digest(o)[0] for o in manifest["outputs"]
                                        if Path(o).is_file()}
    return write(path, manifest)


def read(path: str | os.PathLike[str] | None) -> dict[str, Any] | None:
    """A manifest written earlier, or None when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("manifest") == FORMAT else None


def is_manifest(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds a run manifest, of any version (an earlier run's, which a new
    one may replace), rather than a file of the user's."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "manifest" in data and "inputs" in data


def _listed(last: dict[str, Any], path: str | os.PathLike[str] | None,
            output: str | os.PathLike[str]) -> str | None:
    """The entry of ``last``'s outputs that names ``output``: the same file, or, ``last``
    being the manifest beside ``output``, a file of that name (its paths are as the run was
    given them: relative ones to a working folder that may not be this one); else None."""
    outputs = [o for o in last.get("outputs", []) if isinstance(o, str)] \
        if isinstance(last.get("outputs"), list) else []
    target = real(output)
    same = [o for o in outputs if real(o) == target]
    if not same and path is not None and real(path) == real(beside(output)):
        same = [o for o in outputs if Path(o).name == target.name]
    return same[0] if same else None


def wrote(path: str | os.PathLike[str] | None, output: str | os.PathLike[str]) -> bool:
    """Whether the manifest at ``path`` says its run wrote ``output`` (see :func:`_listed`)."""
    return _listed(read(path) or {}, path, output) is not None


def unedited(path: str | os.PathLike[str] | None, output: str | os.PathLike[str]) -> bool:
    """Whether ``output`` is, byte for byte, the file the run of the manifest at ``path``
    wrote (its SHA-256 in the manifest's ``run.output_sha256``): False for an output
    missing, edited or replaced since, and for a manifest that recorded no checksum."""
    last = read(path) or {}
    listed = _listed(last, path, output)
    run = last.get("run")
    sums = run.get("output_sha256") if isinstance(run, dict) else None
    if listed is None or not isinstance(sums, dict) or not isinstance(sums.get(listed), str):
        return False
    try:
        return digest(output)[0] == sums[listed]
    except OSError:
        return False


def without_timings(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest less what differs from run to run (the ``run`` block, each input's
    ``seconds``): equal for two runs of the same inputs with the same settings."""
    out = {k: v for k, v in manifest.items() if k not in TIMINGS}
    out["inputs"] = [{k: v for k, v in i.items() if k != "seconds"}
                     for i in manifest["inputs"]]
    return out
