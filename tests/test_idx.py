"""read_idx: reads valid IDX files exactly, and refuses anything else with a clear ValueError."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from course.idx import read_idx, write_idx


@pytest.mark.parametrize("suffix", [".idx", ".gz"])
@pytest.mark.parametrize("dtype", ["uint8", "int8", "int16", "int32", "float32", "float64"])
def test_round_trip_preserves_values_shape_and_dtype(tmp_path, suffix, dtype):
    rng = np.random.default_rng(1)
    a = (rng.normal(size=(5, 4, 3)) * 50).astype(dtype)
    path = write_idx(tmp_path / f"a{suffix}", a)
    b = read_idx(path)
    assert b.dtype == np.dtype(dtype) and b.shape == a.shape
    np.testing.assert_array_equal(a, b)


def test_header_is_the_documented_layout(tmp_path):
    # An independent hand-built file: 2 images of 2x3 unsigned bytes.
    header = bytes([0, 0, 0x08, 3]) + (2).to_bytes(4, "big") + (2).to_bytes(4, "big") + (3).to_bytes(4, "big")
    (tmp_path / "h.idx").write_bytes(header + bytes(range(12)))
    np.testing.assert_array_equal(read_idx(tmp_path / "h.idx"), np.arange(12).reshape(2, 2, 3))


def _valid(tmp_path, name="x.idx", shape=(3, 28, 28)):
    return write_idx(tmp_path / name, np.arange(np.prod(shape), dtype=np.uint8).reshape(shape) % 251)


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b"\x01" + b[1:], "wrong magic number"),
    (lambda b: b[:2] + b"\x07" + b[3:], "unknown IDX type code 0x07"),
    (lambda b: b[:3] + b"\x00" + b[4:], "0 dimensions"),
    (lambda b: b[:-1], "the file holds 2,351"),
    (lambda b: b + b"\x00", "the file holds 2,353"),
    (lambda b: b[:9], "before the dimensions are complete"),
    (lambda b: b[:2], "too short"),
])
def test_malformed_plain_files_raise_value_error_naming_file_and_problem(tmp_path, mutate, message):
    path = _valid(tmp_path)
    path.write_bytes(mutate(path.read_bytes()))
    with pytest.raises(ValueError, match=message) as err:
        read_idx(path)
    assert str(path) in str(err.value)


def test_expected_dtype_and_ndim_are_enforced(tmp_path):
    path = write_idx(tmp_path / "f.idx", np.zeros((2, 28, 28), np.float32))
    with pytest.raises(ValueError, match="expected elements of type uint8"):
        read_idx(path, dtype="uint8")
    with pytest.raises(ValueError, match="expected 1 dimension"):
        read_idx(path, ndim=1)


def test_non_gzip_file_named_gz_is_refused(tmp_path):
    plain = _valid(tmp_path)
    fake = tmp_path / "fake.gz"
    fake.write_bytes(plain.read_bytes())
    with pytest.raises(ValueError, match="not gzip-compressed"):
        read_idx(fake)


def test_gzip_file_without_gz_name_is_refused(tmp_path):
    gz = _valid(tmp_path, "x.gz")
    plain_name = tmp_path / "x.idx"
    plain_name.write_bytes(gz.read_bytes())
    with pytest.raises(ValueError, match="gzip-compressed but its name"):
        read_idx(plain_name)


def test_truncated_gzip_is_refused(tmp_path):
    gz = _valid(tmp_path, "x.gz")
    data = gz.read_bytes()
    gz.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="damaged or truncated"):
        read_idx(gz)


def test_missing_file_says_how_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="course.data download"):
        read_idx(tmp_path / "nope.gz")


# --- Fuzzing: every damaged file is either read exactly or refused with ValueError. ---

def _outcome(path, original):
    """'same' if read back identical, 'refused' if ValueError; anything else fails the test."""
    try:
        got = read_idx(path, dtype="uint8", ndim=3)
    except ValueError as err:
        assert str(path) in str(err), f"error does not name the file: {err}"
        return "refused"
    np.testing.assert_array_equal(got, original, err_msg=f"silently wrong data from {path}")
    return "same"


def test_fuzz_random_truncation(tmp_path):
    rng = np.random.default_rng(2024)
    for suffix in (".idx", ".gz"):
        path = _valid(tmp_path, "t" + suffix)
        original, data = read_idx(path), path.read_bytes()
        outcomes = []
        for cut in rng.integers(0, len(data), size=120):
            path.write_bytes(data[:cut])
            outcomes.append(_outcome(path, original))
        assert outcomes.count("refused") == len(outcomes)  # any truncation must be noticed


def test_fuzz_random_bit_flips_in_gzip_files(tmp_path):
    rng = np.random.default_rng(7)
    path = _valid(tmp_path, "f.gz")
    original, data = read_idx(path), bytearray(path.read_bytes())
    outcomes = []
    for _ in range(300):
        flipped = bytearray(data)
        pos = int(rng.integers(0, len(flipped)))
        flipped[pos] ^= 1 << int(rng.integers(0, 8))
        path.write_bytes(bytes(flipped))
        outcomes.append(_outcome(path, original))
    # Flips in gzip's timestamp/OS bytes are harmless; flips in the data are caught by the CRC.
    assert outcomes.count("refused") > 250


def test_fuzz_bit_flips_in_plain_header(tmp_path):
    rng = np.random.default_rng(11)
    path = _valid(tmp_path, "h.idx")
    original, data = read_idx(path), bytearray(path.read_bytes())
    header_len = 4 + 4 * 3
    for _ in range(200):
        flipped = bytearray(data)
        pos = int(rng.integers(0, header_len))
        flipped[pos] ^= 1 << int(rng.integers(0, 8))
        path.write_bytes(bytes(flipped))
        assert _outcome(path, original) == "refused"


def test_fuzz_wrong_magic_values(tmp_path):
    path = _valid(tmp_path)
    data = path.read_bytes()
    for magic in [b"\x00\x00\x08\x01", b"\x00\x00\x09\x03", b"\x00\x01\x08\x03", b"PK\x03\x04", b"\x89PNG"]:
        path.write_bytes(magic + data[4:])
        with pytest.raises(ValueError):
            read_idx(path, dtype="uint8", ndim=3)


def test_gzip_with_garbage_inside_is_refused(tmp_path):
    payload = gzip.compress(b"\x00\x00\x08\x01" + (4).to_bytes(4, "big") + b"abcd")
    path = tmp_path / "g.gz"
    path.write_bytes(payload[:12] + b"\xff\xff\xff" + payload[15:])
    with pytest.raises(ValueError):
        read_idx(path)
