"""A run over files: expand the sources, run one step per file (here, in processes or on
Dask), show progress, skip what is unchanged, stop first on request, and write the manifest.
Every multi-file command reads its inputs through :func:`run_files`."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

from opsbook.batch import manifest as manifests
from opsbook.batch.cluster import BatchProblem, dask_executor, threads_of
from opsbook.batch.options import BatchOptions
from opsbook.batch.pool import UNCHANGED, BatchResults, Interrupted, batch, digest
from opsbook.batch.progress import progress
from opsbook.batch.sources import LOOP, Sources, gathered, identity, real
from opsbook.core.issues import Issue, Report
from opsbook.io.atomic import READ_ONLY, WriteFailed, name_too_long
from opsbook.io.read import failed_file


class Outcome(NamedTuple):
    """What a step gives for one file: a value for the command (a Book, a frame, or None),
    the file's Report, and its kind id (None when not known)."""

    value: Any
    report: Report
    kind: str | None = None


class UpToDate(Exception):
    """``skip_unchanged`` on a command that aggregates: no input and no setting changed since
    the last manifest and the output is there, so nothing is done (exit 0). ``zh`` says the
    same in Chinese; ``lang`` is the language the inputs were read in ("en" or "zh"), when
    they all were read in one: without ``--lang`` the notice is said in it, as the
    command's own status line is (else in English and then in Chinese)."""

    def __init__(self, text: str, zh: str | None = None, lang: str | None = None):
        super().__init__(text)
        self.en, self.zh, self.lang = text, zh, lang


@dataclass
class BatchRun:
    """A finished run: ``files`` read (in order), each one's ``outcomes`` (None when it was
    unchanged or not run), the ``report`` of every file and skipped note, the ``manifest``
    (a dict; written to ``manifest_path`` when that is set)."""

    files: list[Path]
    outcomes: list[Outcome | None]
    report: Report
    manifest: dict[str, Any] = field(default_factory=dict)
    manifest_path: Path | None = None
    #: What the step's ``meanwhile`` gave, done in this process as the files were read.
    meanwhile: Any = None

    @property
    def values(self) -> list[Any]:
        """The values of the files that ran, in order."""
        return [o.value for o in self.outcomes if o is not None and o.value is not None]


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def _unexpected(path: Path, error: BaseException) -> Outcome:
    """A file whose step failed outside the step's own checks (it ended the process reading
    it, its worker was lost): said in words and what to do, in both languages, the error
    kept for a bug report (:func:`opsbook.io.read.failed_file`), never shown raw."""
    return Outcome(None, Report(issues=[failed_file(path, error)], files=[str(path)]))


def _stopper(outcome: Outcome) -> bool:
    return not (outcome.report.valid and outcome.report.readable)


def _known(where: Path | None, command: str, settings: dict[str, Any],
           statuses: tuple[str, ...] = ("valid", UNCHANGED)) -> dict[str, dict]:
    """Inputs of the last manifest that may be skipped: same command, settings and opsbook
    version (another version may check by other rules), of ``statuses`` (valid ones; a
    combining command's up-to-date check takes a result opsbook wrote, skipped, as well).
    A manifest that is not one (edited by hand, cut short, of another format) skips
    nothing: every input is read again."""
    from opsbook import __version__

    last = manifests.read(where)
    if not last or last.get("command") != command or last.get("settings") != settings \
            or last.get("opsbook") != __version__:
        return {}
    inputs = last.get("inputs")
    return {i["path"]: i for i in inputs if isinstance(i, dict)
            and isinstance(i.get("path"), str) and isinstance(i.get("sha256"), str)
            and i.get("status") in statuses} if isinstance(inputs, list) else {}


def _same_files(where: Path | None, files: list[Path]) -> bool:
    """Whether the last manifest read exactly ``files``, in this order: an output combined
    from inputs of which one is gone since (or comes in another place: the first
    workbook's rules, the plan tracked, the cycle scored) is not up to date."""
    inputs = (manifests.read(where) or {}).get("inputs")
    if not isinstance(inputs, list):
        return False
    read = [i.get("path") for i in inputs if isinstance(i, dict)
            and isinstance(i.get("sha256"), str)]
    return read == [str(p) for p in files]


def _name_too_long(where: Path, given: bool, output: Path | None) -> None:
    """Raises :class:`BatchProblem` before anything is read when the disk cannot hold the
    manifest's name (``results.manifest.json`` is 14 bytes longer than ``results.xlsx``,
    itself within the limit): once the output is written it could not be said so."""
    if not name_too_long(where):
        return  # missing (it is made), present, or said by what follows
    if given or output is None:
        raise BatchProblem(f"--manifest {where} cannot be written: its name is too long "
                           "for the disk; give a shorter name",
                           f"--manifest {where} 无法写入：文件名过长，磁盘无法保存；"
                           "请换一个较短的名称。")
    raise BatchProblem(f"the manifest beside {output} would be named {where.name}, too "
                       "long for the disk; give a shorter output name or --manifest FILE",
                       f"{output} 旁的清单将命名为 {where.name}，文件名过长，磁盘无法保存；"
                       "请缩短输出文件名，或用 --manifest FILE 指定清单。")


def _manifest_clash(where: Path, outputs: list[Path], files: list[Path],
                    skipped: list[Issue]) -> None:
    """Raises :class:`BatchProblem` before anything is read when the manifest would land on
    a folder, under a file, on the command's output, on one of the run's files (read or
    skipped) or on any other file that is no manifest (an earlier step's results, a
    workbook; a ``….manifest.json`` cut short is one still): writing it there would replace
    a user's file, or the results, with JSON."""
    if where.is_dir():
        raise BatchProblem(f"--manifest {where} is a folder; give the name of a file",
                           f"--manifest {where} 是文件夹；请指定一个文件名。")
    # a file where its folder should be: said now, not once the output is written
    blocked = next((p for p in where.parents if p.exists()), None)
    if blocked is not None and not blocked.is_dir():
        # beside -o OUT, not given: the output it goes with is what the user named
        named = f"-o {outputs[0]}" if outputs and where == manifests.beside(outputs[0]) \
            else f"--manifest {where}"
        raise BatchProblem(f"{named} cannot be written: {blocked} is a file, not a folder",
                           f"{named} 无法写入：{blocked} 是文件，不是文件夹。")
    target = real(where)
    if any(real(output) == target for output in outputs):
        raise BatchProblem(f"--manifest {where} is also the output; give the manifest a name "
                           "of its own", f"--manifest {where} 与输出文件相同；请为清单另取文件名。")
    notes = [n for n in skipped if n.file and real(n.file) == target]
    if any(real(path) == target for path in files) \
            or notes and not manifests.is_manifest(where):
        raise BatchProblem(f"--manifest {where} is one of the inputs; writing the manifest "
                           "there would replace it", f"--manifest {where} 是输入文件之一；"
                           "在此写入清单会覆盖该文件。")
    # a workbook, a user's file; a manifest cut short or edited by hand is one still
    if where.exists() and not manifests.is_manifest(where) \
            and not where.name.lower().endswith(".manifest.json"):
        raise BatchProblem(f"--manifest {where} is a file that is no run manifest; writing the "
                           "manifest there would replace it", f"--manifest {where} 已存在且"
                           "不是运行清单；在此写入清单会覆盖该文件。")
    for note in notes:  # an earlier run's manifest, in the folder read: said as what it is
        note.params.update(detail="the manifest of this command", detail_zh="本命令的清单")


def _read_only(written: Sequence[Path]) -> None:
    """Raises :class:`BatchProblem` before anything is read when a file the run would write
    (its output, its manifest) is marked read-only, which is never replaced
    (:func:`opsbook.io.atomic.replace_atomically`): said after reading every input, or after
    the output beside a manifest was written (the two would then disagree)."""
    for path in written:
        if os.path.isfile(path) and not os.stat(path).st_mode & stat.S_IWUSR:
            failed = WriteFailed(errno.EACCES, READ_ONLY, str(path))
            raise BatchProblem(str(failed), failed.zh)


def _assembled(files: list[Path], results: BatchResults, skipped: list[Issue],
               known: dict[str, dict]) -> tuple[Report, list[dict[str, Any]]]:
    """The run's Report (each file's, in input order, then the skipped notes) and the
    manifest's entry for every input."""
    report = Report(issues=list(skipped))
    inputs: list[dict[str, Any]] = []
    for path, outcome, record in zip(files, results, results.records):
        name = str(path)
        entry = {"path": name, "sha256": record.sha256, "bytes": record.bytes, "kind": None,
                 "status": record.status, "errors": 0, "warnings": 0, "infos": 0,
                 "seconds": record.seconds}
        if record.status == UNCHANGED:  # its kind and language as the last run found them
            entry["kind"], said = known[name].get("kind"), known[name].get("lang")
            part = Report(issues=[Issue("unchanged-file", "info", file=name)], files=[name],
                          langs={name: said} if said in ("en", "zh") else {})
        elif outcome is None:
            part = Report(issues=[Issue("not-run", "info", file=name)], files=[name])
        else:
            part = outcome.report
            if record.changed:  # saved while it was read: the results may be of either
                part.issues.append(Issue("file-changed", "warning", file=name))
            entry.update(kind=outcome.kind, status="skipped" if skipped_result(outcome)
                         else manifests.status_of(part))
        entry.update(manifests.counts(part))  # this run's: a note of its own, or the file's
        if part.langs.get(name) in ("en", "zh"):
            entry["lang"] = part.langs[name]
        report.merge(part)
        inputs.append(entry)
    # a loop of links is a file of the run that cannot be read, as a missing file named is
    report.files += [n.file for n in skipped if n.file and n.params.get("why") == LOOP["why"]]
    for note in skipped:
        inputs.append({"path": note.file, "sha256": None, "bytes": None, "kind": None,
                       "status": "skipped" if note.code == "skipped-file" else "unreadable",
                       "errors": int(note.severity == "error"), "warnings": 0,
                       "infos": int(note.severity == "info"), "seconds": None})
    return report, inputs


def skipped_result(outcome: Outcome | None) -> bool:
    """Whether a file read in the run turned out to be a result opsbook wrote (only output
    sheets: ``output-workbook``), skipped as no input: "skipped" in the manifest, not
    "valid", since nothing in it was checked, and no input left out either. Its entry keeps
    its SHA-256, so that a combining command still finds a folder holding one up to date."""
    issues = outcome.report.issues if outcome is not None and outcome.value is None else []
    return bool(issues) and all(i.code == "output-workbook" for i in issues)


def _only_results(files: list[Path], results: BatchResults,
                  found_in: dict[str, set[object]]) -> list[Issue]:
    """``not-a-workbook`` for each folder or pattern whose every workbook turned out to be a
    result opsbook wrote (or this command's own output): the run read no workbook there, as
    in a folder of lock files."""
    read = {identity(f) for f, o in zip(files, results) if not skipped_result(o)}
    return [Issue("not-a-workbook", file=source, params={
        "detail": "no workbook found, only results opsbook wrote",
        "detail_zh": "未找到工作簿，只有 opsbook 生成的结果"})
            for source, reals in found_in.items() if reals and not reals & read]


def _without_output(files: list[Path], output: Path, where: Path | None,
                    skipped: list[Issue]) -> list[Path]:
    """``files`` less the run's own output, when an earlier run wrote it there (its manifest
    lists it): skipped with a note. Raises :class:`BatchProblem` when the output is one of
    the inputs that no run of opsbook wrote: writing there would replace a user's file."""
    target = real(output)
    kept = [f for f in files if real(f) != target]
    if len(kept) == len(files):
        return files
    if not manifests.wrote(where, output):
        raise BatchProblem(f"{output} is also one of the inputs; write the results to another "
                           "file", f"{output} 也是输入文件之一；请将结果写入另一个文件。")
    skipped.append(Issue("skipped-file", "info", file=str(output),
                         params={"detail": "the output of this command",
                                 "detail_zh": "本命令的输出文件"}))
    return kept


#: Files read together by one step (``together``): at most this many, and this many bytes.
GROUP_FILES, GROUP_BYTES = 32, 4 << 20


def groups_of(files: Sequence[Path], workers: int) -> list[int]:
    """Sizes of the consecutive groups in which ``files`` are read together: up to
    GROUP_FILES files and GROUP_BYTES bytes (a large file is a group of its own), and at
    least four groups per worker, so that every worker has work and progress moves."""
    most = max(1, min(GROUP_FILES, -(-len(files) // (max(workers, 1) * 4))))
    sizes: list[int] = []
    count = size = 0
    for path in files:
        try:
            bytes_ = path.stat().st_size
        except OSError:
            bytes_ = 0
        if count and (count >= most or size + bytes_ > GROUP_BYTES):
            sizes.append(count)
            count = size = 0
        count += 1
        size += bytes_
    return sizes + [count] if count else sizes


def run_files(step: Callable[..., Any], sources: Sources, *, args: tuple[Any, ...] = (),
              options: BatchOptions | None = None, command: str = "batch",
              settings: dict[str, Any] | None = None,
              output: Path | str | Sequence[Path | str] | None = None,
              aggregate: bool = False, on_file: Callable[[Path], None] | None = None,
              together: bool = False,
              meanwhile: Callable[[], Any] | None = None) -> BatchRun:
    """Run ``step(path, *args)`` (a picklable module-level function giving an
    :class:`Outcome`) over the files of ``sources``, as ``options`` say; with ``together``,
    ``step(paths, *args)`` gives one Outcome per path of a group of files read together
    (see :func:`groups_of`; one by one with ``fail_fast``, which stops at the first).

    ``command`` and ``settings`` (what decides the results: kind, language, options) go into
    the manifest, which is written beside ``output`` or to ``options.manifest``: when the
    run names an ``output``, only once that output is written
    (:func:`opsbook.api.write_output`), so that a run that writes nothing leaves no manifest
    saying it did; its ``manifest`` may be amended until then. With
    ``skip_unchanged`` a file whose SHA-256 and settings match a valid input of that manifest
    is not read again (its status "unchanged"); when the command ``aggregate``\\ s its inputs
    into ``output``, either every file is read or, when none changed and ``output`` exists,
    (every one, when it is a list: a report written as .xlsx and .html; the manifest goes
    beside the first, and is written with it),
    :class:`UpToDate` is raised. Raises :class:`BatchProblem` for a run that cannot start and
    :class:`~opsbook.batch.pool.Interrupted` on Ctrl-C (nothing written then).
    ``meanwhile()`` is this process's own work while the files are read (see
    :func:`~opsbook.batch.pool.batch`); what it gives is the run's ``meanwhile``.
    """
    options = options or BatchOptions(jobs=1)
    manifests.release()  # an earlier run's output that was never written: not this run's
    settings = _plain(settings or {})
    started, clock = dt.datetime.now(dt.timezone.utc), time.perf_counter()
    files, skipped, found_in = gathered(sources, options.recursive)
    outputs = [Path(o) for o in ([] if output is None else [output]
                                 if isinstance(output, (str, os.PathLike)) else output)]
    output = outputs[0] if outputs else None  # the manifest is beside it, written with it
    where = Path(options.manifest) if options.manifest else \
        manifests.beside(output) if output is not None else None
    for each in outputs:
        files = _without_output(files, each, where, skipped)
    if where is not None:
        _name_too_long(where, options.manifest is not None, output)
        _manifest_clash(where, outputs, files, skipped)
    if options.skip_unchanged and where is None:
        raise BatchProblem("--skip-unchanged compares with the last run's manifest: "
                           "give --manifest FILE",
                           "--skip-unchanged 需与上次运行的清单比较：请用 --manifest FILE 指定。")
    known = _known(where, command, settings) if options.skip_unchanged else {}
    previous: Sequence[str | None] = [known.get(str(p), {}).get("sha256") for p in files]
    if aggregate:  # a result opsbook wrote, skipped in the last run, unchanged too
        known = _known(where, command, settings, ("valid", UNCHANGED, "skipped")) \
            if options.skip_unchanged else {}
        previous = [known.get(str(p), {}).get("sha256") for p in files]
        if known and outputs and all(manifests.unedited(where, o) for o in outputs) \
                and all(previous) and _same_files(where, files) \
                and all(digest(p)[0] == sha for p, sha in zip(files, previous)):
            said = {known[str(p)].get("lang") for p in files  # not a result opsbook wrote
                    if known[str(p)].get("status") != "skipped"}
            raise UpToDate(f"{output} is up to date: no input or setting changed since "
                           f"{where}", f"{output} 已是最新：自 {where} 以来输入与设置均未变化。",
                           said.pop() if len(said) == 1 and said <= {"en", "zh"} else None)
        previous = [None] * len(files)
    # up to date, nothing is written: said only when it would be
    _read_only([*outputs, *([where] if where is not None else [])])

    def told(path: Path) -> None:
        tick(path)
        if on_file is not None:
            on_file(path)

    groups = None  # a step of one file at a time
    if together:  # files in groups; one by one when the first failure stops the run
        groups = [1] * len(files) if options.fail_fast else groups_of(files, options.workers)
    results: BatchResults | None = None
    try:
        # a local cluster, as our own pool, has no more processes than calls to make
        calls = len(groups) if groups is not None else len(files)
        with dask_executor(options.scheduler, max(1, min(options.workers, calls))) as executor, \
                progress(command, len(files), options.progress, options.lang or
                         settings.get("lang")) as tick:
            if groups is not None and not options.fail_fast and threads_of(executor):
                # a running cluster: groups for all its workers (not this machine's cores)
                groups = groups_of(files, threads_of(executor) or 1)
            results = batch(step, files, jobs=options.workers, executor=executor,
                            on_done=told, on_error=_unexpected, args=args, hashed=True,
                            previous=previous, stop=_stopper if options.fail_fast else None,
                            groups=groups, meanwhile=meanwhile)
    except KeyboardInterrupt:  # as a cluster starts or closes: nothing is written either
        done = len(files) if results is not None else 0
        raise Interrupted(done, len(files)) from None
    skipped += _only_results(files, results, found_in)
    report, inputs = _assembled(files, results, skipped, known)
    from opsbook import __version__

    manifest = {
        "manifest": manifests.FORMAT, "opsbook": __version__, "command": command,
        "settings": settings,
        "options": {"recursive": options.recursive, "fail_fast": options.fail_fast,
                    "skip_unchanged": options.skip_unchanged},
        "inputs": inputs, "outputs": [str(o) for o in outputs],
        "summary": manifests.summary(inputs),
        "run": {"jobs": options.workers, "scheduler": options.scheduler,
                "started": started.isoformat(timespec="seconds"),
                "seconds": round(time.perf_counter() - clock, 3), "interrupted": False},
    }
    if where is not None and output is not None:
        # written with the output, if it ever is, counting what the command finds by then
        manifests.hold(output, where, manifest,
                       [report, *(o.report for o in results if o is not None)])
    elif where is not None:
        manifests.write(where, manifest)
    return BatchRun(files, list(results), report, manifest, where, results.meanwhile)
