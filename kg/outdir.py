"""The output set of ``kg build``: written whole or not at all, one build at a time.

A build writes every file into a staging directory inside OUTDIR
(``.kg-staging-<pid>-<random>``), then writes the manifest ``kg-manifest.json`` (each
file's name, size and SHA-256) into it, last. Only then are the files renamed into
OUTDIR, one ``rename`` each (microseconds apart, no data copied), the files of the
previous set that the new one lacks removed, and the manifest renamed last. So:

* a build that fails or is killed while writing leaves the previous set as it was;
* a build killed while renaming leaves a staging directory holding its manifest, and the
  next build into OUTDIR finishes the renames before anything else (a readable OUTDIR
  whose files do not match its manifest can only be seen in that window; :func:`verify`
  tells);
* staging directories without a manifest, and the hidden ``.NAME.*.tmp`` files of runs
  killed mid-write, are removed by the next build.

One build at a time: a build holds an exclusive lock (``fcntl.flock``) on
``OUTDIR/.kg-build.lock``, which names its process; a second build into the same OUTDIR
fails at once with :class:`~kg.errors.OutputBusyError` naming that process. The kernel
releases the lock of a killed process, so no stale lock is ever left to clear by hand.

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> with OutputSet(out) as files:
...     _ = files.path("graph.ttl").write_text("data")
...     files.commit()
>>> sorted(p.name for p in out.iterdir()), verify(out)
(['graph.ttl', 'kg-manifest.json'], [])
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from .errors import OutputBusyError, OutputError

__all__ = ["MANIFEST", "OutputSet", "verify"]

MANIFEST = "kg-manifest.json"
_LOCK = ".kg-build.lock"
_STAGING = ".kg-staging-"
#: Files kg build writes; one of them left from an earlier set (before manifests) is removed.
_KNOWN = frozenset({"graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.rdf", "graph.nq",
                    "graph.json", "graph.html", "errors.jsonl"})


def _digest(path: Path) -> str:
    """A file's SHA-256, in hex."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    """Make a directory's entries (renames, new files) durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _manifest(path: Path) -> dict:
    """A manifest's content, or an empty one when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}}
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else {"files": {}}


def verify(outdir: str | os.PathLike[str]) -> list[str]:
    """What is wrong with an output set: each file its manifest lists that is missing or
    whose bytes differ from the manifest's (an empty list: the set is whole and consistent).

    A directory without a manifest has nothing to check against: ``["no kg-manifest.json"]``.
    """
    outdir = Path(outdir)
    if not (outdir / MANIFEST).is_file():
        return [f"no {MANIFEST}"]
    problems = []
    for name, entry in sorted(_manifest(outdir / MANIFEST)["files"].items()):
        path = outdir / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif path.stat().st_size != entry.get("bytes") or _digest(path) != entry.get("sha256"):
            problems.append(f"{name}: not the file the manifest lists")
    return problems


def _swap_in(staging: Path, outdir: Path) -> None:
    """Rename a staged set (its manifest written) into OUTDIR, the manifest last; remove what
    the previous set had and this one lacks. Safe to run again after a kill part way."""
    new = _manifest(staging / MANIFEST)["files"]
    old = set(_manifest(outdir / MANIFEST)["files"]) | _KNOWN
    for name in sorted(new):
        if (staging / name).exists():
            try:  # a file replaced keeps its permissions, as kg.files.atomic_write keeps them
                os.chmod(staging / name, (outdir / name).stat().st_mode & 0o777)
            except FileNotFoundError:
                pass
            os.replace(staging / name, outdir / name)
    for name in sorted(old - set(new)):
        target = outdir / name
        if "/" not in name and target.is_file() and not target.is_symlink():
            target.unlink()
    os.replace(staging / MANIFEST, outdir / MANIFEST)
    shutil.rmtree(staging, ignore_errors=True)
    _fsync_dir(outdir)


def _recover(outdir: Path) -> None:
    """Finish the swap of a build killed while renaming; remove what killed builds left."""
    for entry in sorted(outdir.iterdir()):
        name = entry.name
        if name.startswith(_STAGING) and entry.is_dir() and not entry.is_symlink():
            if (entry / MANIFEST).is_file():
                _swap_in(entry, outdir)
            else:
                shutil.rmtree(entry, ignore_errors=True)
        elif name.endswith(".tmp") and entry.is_file() \
                and (any(name.startswith(f".{known}.") for known in (*_KNOWN, MANIFEST))
                     or re.match(r"\.graph-\d{5}\.nq\.", name)):
            entry.unlink()  # ".graph.ttl.x1y2.tmp" from a write that never finished


class _Lock:
    """An exclusive, non-blocking ``flock`` on a lock file that holds the owner's pid."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the lock and write this process's pid in it; :class:`OutputBusyError` when
        another process holds it."""
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                owner = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise OutputBusyError(f"{self.path.parent} is being written by another kg build "
                                          f"(pid {owner}); wait for it to end or choose another -o") from None
                raise
            try:  # the holder before may have removed the file on release: lock the one there now
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self.fd = fd

    def release(self) -> None:
        """Remove the lock file and let the lock go."""
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


class OutputSet:
    """A context manager for one build's output set in ``outdir`` (see the module's doc).

    Entering checks OUTDIR can be written (creating it), takes the lock, finishes or clears
    what killed builds left and makes the staging directory: any of these failing raises
    :class:`~kg.errors.OutputError` before any work is done. :meth:`path` names a file to
    write; :meth:`commit` swaps the set in. Leaving without a commit removes the staging
    directory and leaves OUTDIR as it was.
    """

    def __init__(self, outdir: str | os.PathLike[str]) -> None:
        self.outdir = Path(outdir)
        self.staging: Path | None = None
        self.names: list[str] = []
        self._lock = _Lock(self.outdir / _LOCK)
        self._created = False
        self._sealed = False

    def __enter__(self) -> OutputSet:
        out = self.outdir
        try:
            if out.exists() and not out.is_dir():
                raise OutputError(f"{out} is a file, not a directory: -o names the directory for the graph files")
            self._created = not out.exists()
            out.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except OSError as exc:
            raise OutputError(f"cannot write to {out} ({exc.strerror or exc})") from None
        try:
            _recover(out)
            self.staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{os.getpid()}-", dir=out))
        except BaseException as exc:
            self._lock.release()
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write to {out} ({exc.strerror or exc})") from None
            raise
        return self

    def path(self, name: str) -> Path:
        """Where to write the set's file ``name`` (a plain file name)."""
        if self.staging is None:
            raise ValueError("the output set is not open (use it in a with statement)")
        if "/" in name or name in {"", ".", "..", MANIFEST} or name.startswith("."):
            raise ValueError(f"not a name for an output file: {name!r}")
        if name not in self.names:
            self.names.append(name)
        return self.staging / name

    def final(self, name: str) -> Path:
        """Where the file ``name`` will be once the set is committed."""
        return self.outdir / name

    def commit(self) -> None:
        """Write the manifest, last, and swap the set into OUTDIR.

        Once the manifest is written the set is sealed: should a rename then fail, the staging
        directory is left for the next build to finish the swap."""
        from . import __version__
        from .files import atomic_write

        staging = self.staging
        if staging is None:
            raise ValueError("the output set is not open (use it in a with statement)")
        try:
            files = {}
            for name in sorted(self.names):
                path = staging / name
                files[name] = {"bytes": path.stat().st_size, "sha256": _digest(path)}
            manifest = {"generator": f"kg {__version__}", "files": files}
            atomic_write(staging / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
            _fsync_dir(staging)
            self._sealed = True
            _swap_in(staging, self.outdir)
        except OSError as exc:
            then = ("the next build into it will finish replacing the set" if self._sealed
                    else "the output in it is unchanged")
            raise OutputError(f"cannot write to {self.outdir} ({exc.strerror or exc}); {then}") from None
        self.staging = None

    def __exit__(self, *exc_info) -> None:
        staging = self.staging
        committed = staging is None
        try:
            if staging is not None and not self._sealed:
                shutil.rmtree(staging, ignore_errors=True)
                self.staging = None
        finally:
            self._lock.release()
        if not committed and self._created:
            try:  # a directory this build made and wrote nothing into goes again
                self.outdir.rmdir()
            except OSError:
                pass
