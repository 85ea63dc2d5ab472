"""The cycle collector paused during an import comes back on, also after nested pauses and
errors, and stays off when it was off before."""
import gc

import pytest

from db.excel.gc_paused import paused


def test_the_collector_is_back_on_after_nested_pauses_and_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with paused():
            assert not gc.isenabled()
            with paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer pause still runs
            raise ValueError
    assert gc.isenabled()


def test_a_collector_turned_off_by_someone_else_stays_off():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
