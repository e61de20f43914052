"""Reading IDX files, the format MNIST is distributed in.

An IDX file is a tiny header followed by raw numbers:

    bytes 0-1   zero
    byte  2     type code of the numbers (0x08 = unsigned byte, ...)
    byte  3     number of dimensions, d
    4*d bytes   the size of each dimension, big-endian unsigned 32-bit integers
    the rest    the numbers themselves, big-endian, in C (row-major) order

MNIST's image files are 3-dimensional (n, 28, 28) unsigned bytes and its label
files 1-dimensional (n,) unsigned bytes. Files may be gzip-compressed (`.gz`).

`read_idx` is deliberately strict: a file that does not follow the format exactly
raises a `ValueError` that names the file and says what is wrong, so damaged data
can never be read silently as wrong numbers.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

import numpy as np

#: IDX type code -> numpy dtype (big-endian, as the format stores them).
IDX_DTYPES: dict[int, np.dtype] = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}

_GZIP_MAGIC = b"\x1f\x8b"


def _read_bytes(path: Path) -> bytes:
    """Return the file's bytes, decompressed when its name ends in ``.gz``."""
    raw = path.read_bytes()
    if path.suffix != ".gz":
        if raw[:2] == _GZIP_MAGIC:
            raise ValueError(
                f"{path}: this file is gzip-compressed but its name does not end in '.gz'. "
                "Rename it to end in '.gz' (or decompress it with 'gunzip')."
            )
        return raw
    if raw[:2] != _GZIP_MAGIC:
        raise ValueError(
            f"{path}: the name ends in '.gz' but the file is not gzip-compressed "
            f"(it starts with bytes {raw[:4].hex(' ') or 'nothing: the file is empty'}). "
            "Download it again, or remove the '.gz' if it is a plain IDX file."
        )
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as err:
        raise ValueError(
            f"{path}: the gzip data is damaged or truncated ({err}). "
            "Delete the file and download it again."
        ) from None


def read_idx(path: str | os.PathLike, *, dtype: str | np.dtype | None = None,
             ndim: int | None = None) -> np.ndarray:
    """Read one IDX file (plain or ``.gz``) into a numpy array.

    Parameters
    ----------
    path : the file to read.
    dtype : if given, the element type the file must hold (for MNIST: ``"uint8"``);
        a file of another type raises ``ValueError`` instead of being converted.
    ndim : if given, the number of dimensions the file must have (3 for images,
        1 for labels).

    Returns
    -------
    array of shape given by the header (MNIST images: ``(n, 28, 28)``), in native
    byte order, read-only data copied out of the file.

    Raises
    ------
    FileNotFoundError : the file does not exist.
    ValueError : anything about the file is not valid IDX, with the file's name and
        what was wrong: the magic number, the type code, the dimensions, a byte
        count that does not match the dimensions, broken gzip.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file. Check the path, or download MNIST "
                                "with 'python -m course.data download'.")
    data = _read_bytes(path)
    if len(data) < 4:
        raise ValueError(f"{path}: only {len(data)} bytes, too short to be an IDX file "
                         "(the header alone is at least 4 bytes).")
    if data[0] != 0 or data[1] != 0:
        raise ValueError(f"{path}: wrong magic number 0x{data[:4].hex()}: an IDX file starts "
                         "with two zero bytes. This is not an IDX file (or it is damaged).")
    code, nd = data[2], data[3]
    if code not in IDX_DTYPES:
        known = ", ".join(f"0x{c:02X}" for c in IDX_DTYPES)
        raise ValueError(f"{path}: unknown IDX type code 0x{code:02X} (known codes: {known}). "
                         "The file is damaged or not an IDX file.")
    if nd == 0:
        raise ValueError(f"{path}: the header says the data has 0 dimensions; "
                         "an IDX file has at least one.")
    header_len = 4 + 4 * nd
    if len(data) < header_len:
        raise ValueError(f"{path}: the header announces {nd} dimensions but the file ends "
                         f"after {len(data)} bytes, before the dimensions are complete.")
    shape = tuple(int(s) for s in np.frombuffer(data, ">u4", count=nd, offset=4))
    file_dtype = IDX_DTYPES[code]
    expected = int(np.prod(shape, dtype=np.int64)) * file_dtype.itemsize
    got = len(data) - header_len
    if got != expected:
        raise ValueError(
            f"{path}: dimensions {shape} of {file_dtype.name} need {expected:,} bytes of data "
            f"but the file holds {got:,}. The file is truncated or damaged: download it again."
        )
    if dtype is not None and np.dtype(dtype) != file_dtype.newbyteorder("="):
        raise ValueError(f"{path}: expected elements of type {np.dtype(dtype).name}, but the "
                         f"file holds {file_dtype.newbyteorder('=').name} (type code 0x{code:02X}).")
    if ndim is not None and nd != ndim:
        raise ValueError(f"{path}: expected {ndim} dimension(s), but the file has {nd}: {shape}.")
    array = np.frombuffer(data, file_dtype, offset=header_len).reshape(shape)
    return array.astype(file_dtype.newbyteorder("="))


def write_idx(path: str | os.PathLike, array: np.ndarray) -> Path:
    """Write ``array`` as an IDX file (gzip-compressed when ``path`` ends in ``.gz``).

    The inverse of `read_idx`; used to make small test files and to export data.
    """
    path = Path(path)
    array = np.asarray(array)
    for code, dt in IDX_DTYPES.items():
        if dt.newbyteorder("=") == array.dtype.newbyteorder("="):
            break
    else:
        raise ValueError(f"write_idx: arrays of dtype {array.dtype} cannot be stored in IDX; "
                         "use uint8, int8, int16, int32, float32 or float64.")
    if array.ndim == 0 or array.ndim > 255:
        raise ValueError(f"write_idx: array must have 1 to 255 dimensions, got {array.ndim}.")
    header = bytes([0, 0, code, array.ndim]) + np.asarray(array.shape, ">u4").tobytes()
    payload = header + array.astype(dt).tobytes()
    if path.suffix == ".gz":
        payload = gzip.compress(payload, mtime=0)
    path.write_bytes(payload)
    return path
