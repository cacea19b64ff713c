"""The sealed stream (desktop.store.blobs) written with its hash on a second thread is the stream written without."""

import hashlib
import io
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop.store import blobs

CHUNK = blobs.CHUNK


@pytest.mark.parametrize("sizes", [[], [0], [1], [CHUNK], [CHUNK + 1], [CHUNK * 16], [CHUNK * 17 + 5],
                                   [1 << 20, 1 << 20, 5], [3, CHUNK * 2 - 3, 0, CHUNK]])
def test_a_stream_sealed_while_hashed_on_a_thread_is_cut_and_read_as_one_sealed_alone(sizes):
    chunks, key = [os.urandom(n) for n in sizes], os.urandom(32)
    threaded, alone = hashlib.sha256(), hashlib.sha256()
    with ThreadPoolExecutor(1) as hashing:
        sealed = b"".join(blobs.seal_hashing(iter(chunks), key, threaded, hashing))
    plain = b"".join(blobs.seal(iter(chunks), key, alone))
    assert len(sealed) == len(plain)  # the same chunks (each sealed under its own salt)
    assert threaded.hexdigest() == alone.hexdigest() == hashlib.sha256(b"".join(chunks)).hexdigest()
    for stream in (sealed, plain):
        assert b"".join(blobs.unseal(io.BytesIO(stream), key, "x")) == b"".join(chunks)
